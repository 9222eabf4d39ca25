import { formatPrice } from "@/lib/money";
import { explainJob, type ExplainableJob } from "./explain-job";

// The money of a batch, told once: the takes' prices summed, then rounded up to the cent, so
// the line matches the form's quote (two takes of $0.0125 are $0.03, not 2 × $0.02). A take
// that ended without a track still says its own refund or charge on its row.

export type BatchSummary = {
  /** "2 takes saved · Venice charged $0.03"; null for a single take that ended without a track (its row says it all). */
  text: string | null;
  /** yes: Venice charged (or holds) money for the batch; no: nothing charged, or all refunded; maybe: no way to know. */
  moneySpent: "yes" | "no" | "maybe";
};

const IN_FLIGHT = new Set(["pending", "queued", "processing", "downloaded"]);

export function explainBatch(jobs: readonly ExplainableJob[]): BatchSummary {
  const spent = jobs.map((job) => ({ job, spent: explainJob(job).moneySpent }));
  const sum = (kind: BatchSummary["moneySpent"]) =>
    spent.filter((take) => take.spent === kind).reduce((total, { job }) => total + job.quotedUsd, 0);
  const charged = sum("yes");
  const maybe = sum("maybe");
  const moneySpent = charged > 0 ? "yes" : maybe > 0 ? "maybe" : "no";
  const many = jobs.length > 1;

  if (jobs.some((job) => IN_FLIGHT.has(job.status))) {
    if (charged === 0) return { moneySpent, text: `Nothing is charged until Venice accepts the ${many ? "takes" : "job"}.` };
    const text = many
      ? `Venice charged ${formatPrice(charged)} for the takes it accepted, and refunds a take that fails.`
      : `Venice charged ${formatPrice(charged)} when it accepted the job, and refunds it if the track fails.`;
    return { moneySpent, text };
  }

  const saved = jobs.filter((job) => job.status === "completed").length;
  if (!many && saved === 0) return { moneySpent, text: null };
  return { moneySpent, text: `${savedText(saved, jobs.length)} · ${moneyText(charged, maybe)}` };
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
