import { z } from "zod";

// What the library's status filter offers. A track exists only once its generation is
// `downloaded` or `completed`, and both are playable, so they are one status: ready. The
// others are the three ways a generation ends without a track; the library lists those
// generations too, so what was refunded, lost after payment or possibly charged stays visible.

export const ENDED_STATUSES = ["failed", "expired", "uncertain"] as const;
export type EndedStatus = (typeof ENDED_STATUSES)[number];
export const LIBRARY_STATUSES = ["ready", ...ENDED_STATUSES] as const;
export type LibraryStatus = (typeof LIBRARY_STATUSES)[number];

export const libraryStatusSchema = z
  .enum(LIBRARY_STATUSES, { error: `Status is one of ${LIBRARY_STATUSES.join(", ")}.` })
  .default("ready");
