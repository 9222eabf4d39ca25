import { z } from "zod";

/** The largest monthly cap the studio takes, USD. */
const MAX_CAP_USD = 1_000_000;

/** `{capUsd}`: a monthly cap in whole cents from $0 to $1,000,000, or null for no cap. */
export const capBodySchema = z.object({
  capUsd: z
    .number({ error: "Enter the cap in US dollars, or null for no cap." })
    .min(0, { error: "A cap cannot be negative." })
    .max(MAX_CAP_USD, { error: "A cap can be at most $1,000,000." })
    // In cents, compared with a tolerance: 0.29 * 100 is 28.999999999999996 in floating point.
    .refine((usd) => Math.abs(usd * 100 - Math.round(usd * 100)) < 1e-6, { error: "A cap is in whole cents, like 12.50." })
    .nullable(),
});
