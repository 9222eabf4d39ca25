import { parseQuery } from "@/lib/api/input";
import { ledgerQuerySchema } from "@/lib/api/ledger/ledger-query";
import { listLedger } from "@/lib/api/ledger/list-ledger";
import { route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/**
 * `?month=YYYY-MM` (optional) (admin+) → the spend ledger: `{month, total, members, models,
 * months, entries}`, totals per member, model and month, and the latest 200 charges.
 */
export const GET = route({ role: "admin" }, ({ request }) => listLedger(parseQuery(request, ledgerQuerySchema).month));
