import { parseQuery } from "@/lib/api/input";
import { exportLedgerCsv } from "@/lib/api/ledger/export-ledger-csv";
import { ledgerQuerySchema } from "@/lib/api/ledger/ledger-query";
import { route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** `?month=YYYY-MM` (optional) (admin+) → the ledger as a CSV download, one line per charge. */
export const GET = route({ role: "admin" }, ({ request }) => exportLedgerCsv(parseQuery(request, ledgerQuerySchema).month));
