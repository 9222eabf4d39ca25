import type { ReactNode } from "react";
import { UsdAmount } from "@/components/money/usd-amount";
import type { OwnSpend } from "@/lib/api/spend/get-own-spend";
import { formatBalance, formatUsd } from "@/lib/money";

/** A member's own month: what they spent, their cap, and what the caps leave them (the account page and the ledger's note). */
export function OwnSpendSummary({ spend }: { spend: OwnSpend }) {
  const figures: { key: string; label: string; value: ReactNode }[] = [
    { key: "spent", label: `Spent in ${spend.monthName}`, value: <UsdAmount usd={spend.spentUsd} /> },
    { key: "cap", label: "Your monthly cap", value: spend.capUsd === null ? "No cap" : formatUsd(spend.capUsd) },
    { key: "left", label: "Left this month", value: spend.remainingUsd === null ? "No limit" : formatBalance(spend.remainingUsd) },
  ];
  return (
    <div data-testid="own-spend">
      <dl className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-3">
        {figures.map(({ key, label, value }) => (
          <div key={key} className="rounded-xl bg-zinc-100 px-3 py-2.5 dark:bg-zinc-800/60">
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
            <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid={`own-spend-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
        {spend.limitedBy === "studio" ? "The whole studio's monthly cap leaves you less than your own. " : ""}
        Spend is what Venice charged for your tracks, less refunds. Caps reset at 00:00 UTC on the 1st; a track that would cross one is
        refused before Venice makes it. Admins set the caps.
      </p>
    </div>
  );
}
