"use client";

import { UsdAmount } from "@/components/money/usd-amount";
import { formatBalance, formatUsd } from "@/lib/money";
import { overCapMessage } from "./over-cap";
import { useOwnSpend } from "./use-own-spend";

/**
 * Beside the Create form's price: what the member has spent this month against their own
 * cap, and, when `priceUsd` already crosses the room their caps leave, the refusal the submit
 * would answer, before Create is pressed.
 */
export function OwnSpendLine({ priceUsd }: { priceUsd: number | undefined }) {
  const spend = useOwnSpend().data;
  if (!spend) return null;
  const overCap = overCapMessage(spend, priceUsd);
  return (
    <>
      <p data-testid="own-spend-line" className="text-xs text-zinc-500 dark:text-zinc-400">
        You spent <UsdAmount usd={spend.spentUsd} /> {spend.capUsd === null ? "this month" : `of your ${formatUsd(spend.capUsd)} cap this month`}
        {spend.limitedBy === "studio" && spend.remainingUsd !== null ? ` · ${formatBalance(spend.remainingUsd)} left under the studio's cap` : ""}
      </p>
      {overCap ? (
        <p role="alert" data-testid="over-cap" className="mt-1 ml-auto max-w-xs text-left text-sm text-red-700 dark:text-red-400">
          {overCap}
        </p>
      ) : null}
    </>
  );
}
