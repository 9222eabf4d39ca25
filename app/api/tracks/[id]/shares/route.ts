import { NextResponse } from "next/server";
import { parseJsonBody, parseQuery } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { studioOrigin } from "@/lib/auth/same-origin";
import { createShareLink, createShareLinkSchema } from "@/lib/api/shares/create-share-link";
import { listShareLinks, listShareLinksQuerySchema } from "@/lib/api/shares/list-share-links";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** `?limit=1..100&cursor=` → one page of the track's share links, newest first: `{ links, nextCursor, activeCount }`, never their tokens. */
export const GET = route<Params>(({ request, params, member }) =>
  listShareLinks(params.id, member, parseQuery(request, listShareLinksQuerySchema)),
);

/** `{ expiresInHours?: 1..8760 | null }` → 201 `{ id, url, expiresAt }`, the only time the URL is shown; 409 at 20 active links. */
export const POST = route<Params>(async ({ request, params, member }) =>
  NextResponse.json(
    await createShareLink(params.id, member, await parseJsonBody(request, createShareLinkSchema), studioOrigin(request)),
    { status: 201 },
  ),
);
