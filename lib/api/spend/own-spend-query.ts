import { z } from "zod";

/** GET /api/spend/me takes no query: it answers the caller's own spend, never anyone else's. */
export const ownSpendQuerySchema = z.strictObject({}, { error: "This answers your own spend only; it takes no query." });
