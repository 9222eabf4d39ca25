import { z } from "zod";
import { parseMonthKey } from "@/lib/spend/calendar-month";

/** `?month=YYYY-MM` (optional): one UTC calendar month of the ledger, else all of it. */
export const ledgerQuerySchema = z.object({
  month: z
    .string()
    .transform((key, context) => {
      const month = parseMonthKey(key);
      if (!month) context.addIssue({ code: "custom", message: "A month is written YYYY-MM, like 2025-11." });
      return month ?? z.NEVER;
    })
    .optional(),
});
