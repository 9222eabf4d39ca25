import { chargeDisplay, formatExactUsd, formatPrice } from "@/lib/money";
import { moneySpentOf, type ExplainableJob } from "./explain-job";
import type { Job } from "./use-jobs";

// The money of a batch, told once: the takes' prices summed, then rounded up to the cent, so
// the line matches the form's quote (two takes of $0.0125 are $0.03, not 2 × $0.02), with the
// exact sum in a tooltip. A take that ended without a track still says its own refund or
// charge on its row. A model that holds a price for its longest track (Seed Audio) is told as
// holding it until the track is stored, then by what Venice settled on for the real length.

export type BatchTake = ExplainableJob & Pick<Job, "settlesOnLength" | "settledUsd">;

export type BatchSummary = {
  /** "2 takes saved · Venice charged $0.03"; null for a single take that ended without a track (its row says it all). */
  text: string | null;
  /** The exact figures the cents hide ("Exactly $0.0255"), for a tooltip; undefined when the cents are exact. */
  title: string | undefined;
  /** yes: Venice charged (or holds) money for the batch; no: nothing charged, or all refunded; maybe: no way to know. */
  moneySpent: "yes" | "no" | "maybe";
};

const IN_FLIGHT = new Set(["pending", "queued", "processing", "downloaded"]);

/** What a take costs as far as is known: what Venice settled on once it did, else its quote. */
const chargeOf = (take: BatchTake) => take.settledUsd ?? take.quotedUsd;

export function explainBatch(takes: readonly BatchTake[]): BatchSummary {
  const spent = takes.map((take) => ({ take, spent: moneySpentOf(take) }));
  const sum = (kind: BatchSummary["moneySpent"], of: (take: BatchTake) => number = chargeOf) =>
    spent.filter((entry) => entry.spent === kind).reduce((total, { take }) => total + of(take), 0);
  const charged = sum("yes");
  const maybe = sum("maybe");
  const moneySpent = charged > 0 ? "yes" : maybe > 0 ? "maybe" : "no";
  const title = exactTitle(charged, maybe);
  const many = takes.length > 1;

  if (takes.some((take) => IN_FLIGHT.has(take.status))) {
    if (charged === 0) return { moneySpent, title, text: `Nothing is charged until Venice accepts the ${many ? "takes" : "job"}.` };
    const holds = takes.some((take) => take.settlesOnLength && IN_FLIGHT.has(take.status) && take.acceptedByVenice);
    return { moneySpent, title, text: inFlightText(formatPrice(charged), many, holds) };
  }

  const saved = takes.filter((take) => take.status === "completed").length;
  if (!many && saved === 0) return { moneySpent, title, text: null };
  const settled = spent.filter(({ take, spent }) => spent === "yes" && take.settledUsd !== null).length;
  const held = settled > 0 ? ` for the real length${settled > 1 ? "s" : ""} (${formatPrice(sum("yes", (take) => take.quotedUsd))} held)` : "";
  return { moneySpent, title, text: `${savedText(saved, takes.length)} · ${moneyText(charged, maybe)}${held}` };
}

function inFlightText(charged: string, many: boolean, holds: boolean): string {
  if (holds) {
    return many
      ? `Venice holds ${charged} for the takes it accepted, charges each for its real length once it is made, and refunds a take that fails.`
      : `Venice holds ${charged} for the longest track it may make, charges for the real length once it is made, and refunds it if the track fails.`;
  }
  return many
    ? `Venice charged ${charged} for the takes it accepted, and refunds a take that fails.`
    : `Venice charged ${charged} when it accepted the job, and refunds it if the track fails.`;
}

/** The tooltip of the batch's money: the exact sums, when the cents round either of them. */
function exactTitle(charged: number, maybe: number): string | undefined {
  const [certain, possible] = [chargeDisplay(charged).title, chargeDisplay(maybe).title];
  if (charged === 0 || maybe === 0) return charged > 0 ? certain : maybe > 0 ? possible : undefined;
  return certain || possible ? `Exactly ${formatExactUsd(charged)}, and possibly ${formatExactUsd(maybe)} more` : undefined;
}

function savedText(saved: number, count: number): string {
  if (count === 1) return "Saved in your library";
  if (saved === count) return `${count} takes saved`;
  return saved === 0 ? "No take saved" : `${saved} of ${count} takes saved`;
}

function moneyText(charged: number, maybe: number): string {
  if (charged === 0) return maybe > 0 ? `Venice may have charged ${formatPrice(maybe)}` : "nothing charged";
  const more = maybe > 0 ? `, and may have charged ${formatPrice(maybe)} more` : "";
  return `Venice charged ${formatPrice(charged)}${more}`;
}
