import { describe, expect, it } from "vitest";
import { explainBatch, type BatchTake } from "@/components/jobs/explain-batch";

// A batch's money, told once: the takes' prices summed and rounded up once, as the form quoted
// it, with the exact sum in a tooltip; a held price (Seed Audio) told as held, then settled.

const take = (overrides: Partial<BatchTake>): BatchTake => ({
  status: "completed",
  error: null,
  retry: null,
  quotedUsd: 0.0125,
  acceptedByVenice: true,
  settlesOnLength: false,
  settledUsd: null,
  ...overrides,
});

const failed = (code: string, acceptedByVenice: boolean) =>
  take({ status: "failed", acceptedByVenice, error: { code, message: `stored message for ${code}`, suggestedPrompt: null } });

describe("explainBatch", () => {
  it("two finished takes: the sum rounded once ($0.03), not each take rounded up ($0.04)", () => {
    expect(explainBatch([take({}), take({})])).toEqual({ moneySpent: "yes", text: "2 takes saved · Venice charged $0.03", title: "Exactly $0.025" });
  });

  it("one finished take: saved, and what it cost", () => {
    expect(explainBatch([take({ quotedUsd: 0.025 })])).toEqual({ moneySpent: "yes", text: "Saved in your library · Venice charged $0.03", title: "Exactly $0.025" });
    expect(explainBatch([take({ quotedUsd: 0.03 })])).toEqual({ moneySpent: "yes", text: "Saved in your library · Venice charged $0.03", title: undefined });
  });

  it("in flight: nothing charged before Venice accepts, then what it charged and that a failure is refunded", () => {
    expect(explainBatch([take({ status: "pending", acceptedByVenice: false })]).text).toBe("Nothing is charged until Venice accepts the job.");
    expect(explainBatch([take({ status: "pending", acceptedByVenice: false }), take({ status: "pending", acceptedByVenice: false })])).toEqual({
      moneySpent: "no",
      text: "Nothing is charged until Venice accepts the takes.",
      title: undefined,
    });
    expect(explainBatch([take({ status: "processing", quotedUsd: 0.19 })]).text).toBe(
      "Venice charged $0.19 when it accepted the job, and refunds it if the track fails.",
    );
    expect(explainBatch([take({ status: "queued" }), take({ status: "pending", acceptedByVenice: false })]).text).toBe(
      "Venice charged $0.02 for the takes it accepted, and refunds a take that fails.",
    );
  });

  it("a refunded take is not counted; an expired one is; a possible charge is told apart", () => {
    expect(explainBatch([take({}), failed("INFERENCE_FAILED", true)])).toMatchObject({ moneySpent: "yes", text: "1 of 2 takes saved · Venice charged $0.02" });
    expect(explainBatch([failed("CONTENT_VIOLATION", false), failed("INFERENCE_FAILED", true)])).toEqual({ moneySpent: "no", text: "No take saved · nothing charged", title: undefined });
    const expired = take({ status: "expired", error: { code: "EXPIRED", message: "x", suggestedPrompt: null } });
    expect(explainBatch([take({}), expired]).text).toBe("1 of 2 takes saved · Venice charged $0.03");
    const uncertain = take({ status: "uncertain", acceptedByVenice: false, error: { code: "QUEUE_UNCONFIRMED", message: "x", suggestedPrompt: null } });
    expect(explainBatch([take({}), uncertain]).text).toBe("1 of 2 takes saved · Venice charged $0.02, and may have charged $0.02 more");
    expect(explainBatch([take({}), uncertain]).title).toBe("Exactly $0.0125, and possibly $0.0125 more");
    expect(explainBatch([uncertain, failed("INFERENCE_FAILED", true)])).toEqual({ moneySpent: "maybe", text: "No take saved · Venice may have charged $0.02", title: "Exactly $0.0125" });
  });

  it("a single take that ended without a track: its own row says it all", () => {
    expect(explainBatch([failed("INFERENCE_FAILED", true)])).toEqual({ moneySpent: "no", text: null, title: undefined });
  });

  it("a held price (Seed Audio): held while the take is made, then what Venice settled on for the real length", () => {
    const seed = (overrides: Partial<BatchTake>) => take({ quotedUsd: 0.345, settlesOnLength: true, ...overrides });
    expect(explainBatch([seed({ status: "pending", acceptedByVenice: false })]).text).toBe("Nothing is charged until Venice accepts the job.");
    expect(explainBatch([seed({ status: "processing" })])).toEqual({
      moneySpent: "yes",
      text: "Venice holds $0.35 for the longest track it may make, charges for the real length once it is made, and refunds it if the track fails.",
      title: "Exactly $0.345",
    });
    expect(explainBatch([seed({ settledUsd: 0.129375 })])).toEqual({
      moneySpent: "yes",
      text: "Saved in your library · Venice charged $0.13 for the real length ($0.35 held)",
      title: "Exactly $0.129375",
    });
    // Two takes: one settled, one still being made; then both settled.
    expect(explainBatch([seed({ settledUsd: 0.1 }), seed({ status: "processing" })]).text).toBe(
      "Venice holds $0.45 for the takes it accepted, charges each for its real length once it is made, and refunds a take that fails.",
    );
    expect(explainBatch([seed({ settledUsd: 0.1 }), seed({ settledUsd: 0.2 })]).text).toBe("2 takes saved · Venice charged $0.30 for the real lengths ($0.69 held)");
    // A settled take and a refunded one: only the settled take's hold is told.
    expect(explainBatch([seed({ settledUsd: 0.1 }), { ...failed("INFERENCE_FAILED", true), quotedUsd: 0.345, settlesOnLength: true }]).text).toBe(
      "1 of 2 takes saved · Venice charged $0.10 for the real length ($0.35 held)",
    );
  });
});
