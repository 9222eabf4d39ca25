import type { LedgerTotals } from "@/lib/api/ledger/list-ledger";
import { UsdAmount } from "@/components/money/usd-amount";

export type TotalsRow = { key: string; label: string; detail?: string; totals: LedgerTotals };

/** Net spend per member, model or month, with how many charges make it up. */
export function TotalsTable({ id, title, rows }: { id: string; title: string; rows: TotalsRow[] }) {
  return (
    <div className="min-w-0">
      <h3 id={id} className="text-sm font-semibold">
        {title}
      </h3>
      <table aria-labelledby={id} data-testid={id} className="mt-2 w-full table-fixed text-left text-sm">
        <thead className="text-xs text-zinc-600 dark:text-zinc-400">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="col" className="py-1.5 pr-2 font-medium">
              <span className="sr-only">{title.replace(/^By /, "")}</span>
            </th>
            <th scope="col" className="w-16 px-2 py-1.5 text-right font-medium">Charges</th>
            <th scope="col" className="w-24 py-1.5 pl-2 text-right font-medium">Net</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="py-2 pr-2 font-normal">
                <span className="block truncate" title={row.label}>{row.label}</span>
                {row.detail ? <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400">{row.detail}</span> : null}
              </th>
              <td className="px-2 py-2 text-right tabular-nums">{row.totals.entries}</td>
              <td className="py-2 pl-2 text-right font-medium tabular-nums">
                <UsdAmount usd={row.totals.netUsd} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
