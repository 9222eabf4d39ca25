import { LocalTime } from "@/components/team/local-time";
import type { LedgerEntryView } from "@/lib/api/ledger/list-ledger";
import { UsdAmount } from "@/components/money/usd-amount";

const STATUS_NOTES: Readonly<Record<string, string>> = {
  failed: "Failed, refunded",
  expired: "Expired, charged",
  uncertain: "Uncertain, charged",
};

/** What a charge's row says of it beside its model: how it ended, when that changed the money. */
function noteOf(entry: LedgerEntryView): string | null {
  if (entry.settled) return "Settled on the real length";
  return (entry.status && STATUS_NOTES[entry.status]) ?? null;
}

/** The latest charges, newest first: who, what, and the money, to the cent with the exact figure in a tooltip. */
export function EntriesTable({ entries }: { entries: LedgerEntryView[] }) {
  return (
    // Focusable, so the table can be scrolled sideways from the keyboard when it is wider than the screen.
    <div role="region" aria-label="Charges table" tabIndex={0} className="-mx-4 overflow-x-auto sm:mx-0">
      <table aria-label="Charges" data-testid="ledger-entries" className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-600 dark:text-zinc-400">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="col" className="py-2 pr-3 pl-4 font-medium max-sm:hidden sm:pl-0">Date</th>
            <th scope="col" className="py-2 pr-3 pl-4 font-medium sm:px-3">Generation</th>
            <th scope="col" className="px-3 py-2 font-medium max-md:hidden">Member</th>
            <th scope="col" className="px-3 py-2 text-right font-medium max-sm:hidden">Quoted</th>
            <th scope="col" className="px-3 py-2 text-right font-medium max-sm:hidden">Refunded</th>
            <th scope="col" className="py-2 pr-4 pl-3 text-right font-medium sm:pr-0">Net</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="ledger-entry" data-generation-id={entry.generationId}>
              <td className="py-2.5 pr-3 pl-4 whitespace-nowrap text-zinc-600 max-sm:hidden sm:pl-0 dark:text-zinc-400">
                <LocalTime iso={entry.createdAt} format="dateTime" />
              </td>
              <td className="max-w-64 py-2.5 pr-3 pl-4 sm:px-3">
                <p className="truncate font-medium" title={entry.title ?? entry.generationId}>
                  {entry.title ?? `Generation ${entry.generationId.slice(0, 8)}`}
                </p>
                <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
                  {entry.modelName}
                  {noteOf(entry) ? ` · ${noteOf(entry)}` : ""}
                  <span className="md:hidden"> · {entry.memberName}</span>
                </p>
                <p className="text-xs text-zinc-600 sm:hidden dark:text-zinc-400">
                  <LocalTime iso={entry.createdAt} format="dateTime" />
                </p>
              </td>
              <td className="max-w-48 truncate px-3 py-2.5 max-md:hidden" title={entry.memberEmail}>
                {entry.memberName}
              </td>
              <td className="px-3 py-2.5 text-right tabular-nums max-sm:hidden">
                <UsdAmount usd={entry.quotedUsd} />
              </td>
              <td className="px-3 py-2.5 text-right tabular-nums max-sm:hidden">{entry.refundedUsd > 0 ? <UsdAmount usd={entry.refundedUsd} /> : "—"}</td>
              <td className="py-2.5 pr-4 pl-3 text-right font-medium tabular-nums sm:pr-0">
                <UsdAmount usd={entry.netUsd} testId="ledger-entry-net" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
