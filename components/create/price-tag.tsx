import { OwnSpendLine } from "@/components/spend/own-spend-line";
import { formatBalance, formatPrice } from "@/lib/money";

/** The price of the draft: Venice's quote once it is in, the local estimate until then. */
export function PriceTag({
  estimate,
  quote,
  balance,
  status,
}: {
  estimate: number | undefined;
  quote: number | undefined;
  /** The Venice balance, USD: undefined while loading, null when Venice does not tell. */
  balance: number | null | undefined;
  /** Whether Venice is being asked (only valid drafts are quoted), or the quote failed. */
  status: "asking" | "failed" | "idle";
}) {
  const source = quote !== undefined ? "quote" : "estimate";
  const usd = quote ?? estimate;
  return (
    <div className="ml-auto text-right" aria-live="polite">
      <p data-testid="price" data-source={source} className="text-2xl font-semibold tabular-nums">
        {usd === undefined ? "—" : `${source === "estimate" ? "≈ " : ""}${formatPrice(usd)}`}
      </p>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {source === "quote" ? "Venice's quote" : ESTIMATE_NOTES[status]}
      </p>
      {balance != null ? (
        <p data-testid="balance" className="text-xs text-zinc-500 dark:text-zinc-400">
          Balance {formatBalance(balance)}
        </p>
      ) : null}
      <OwnSpendLine priceUsd={usd} />
    </div>
  );
}

const ESTIMATE_NOTES = {
  asking: "Estimate, checking with Venice…",
  failed: "Estimate (Venice's quote is unavailable)",
  idle: "Estimate",
} as const;
