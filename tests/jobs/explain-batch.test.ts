import { describe, expect, it } from "vitest";
import { explainBatch } from "@/components/jobs/explain-batch";
import type { ExplainableJob } from "@/components/jobs/explain-job";

// A batch's money, told once: the takes' prices summed and rounded up once, as the form quoted it.

const take = (overrides: Partial<ExplainableJob>): ExplainableJob => ({
  status: "completed",
  error: null,
  retry: null,
  quotedUsd: 0.0125,
  acceptedByVenice: true,
  ...overrides,
});

const failed = (code: string, acceptedByVenice: boolean) =>
  take({ status: "failed", acceptedByVenice, error: { code, message: `stored message for ${code}`, suggestedPrompt: null } });

describe("explainBatch", () => {
  it("two finished takes: the sum rounded once ($0.03), not each take rounded up ($0.04)", () => {
    expect(explainBatch([take({}), take({})])).toEqual({ moneySpent: "yes", text: "2 takes saved · Venice charged $0.03" });
  });

  it("one finished take: saved, and what it cost", () => {
    expect(explainBatch([take({ quotedUsd: 0.025 })])).toEqual({ moneySpent: "yes", text: "Saved in your library · Venice charged $0.03" });
  });

  it("in flight: nothing charged before Venice accepts, then what it charged and that a failure is refunded", () => {
    expect(explainBatch([take({ status: "pending", acceptedByVenice: false })]).text).toBe("Nothing is charged until Venice accepts the job.");
    expect(explainBatch([take({ status: "pending", acceptedByVenice: false }), take({ status: "pending", acceptedByVenice: false })])).toEqual({
      moneySpent: "no",
      text: "Nothing is charged until Venice accepts the takes.",
    });
    expect(explainBatch([take({ status: "processing", quotedUsd: 0.19 })]).text).toBe(
      "Venice charged $0.19 when it accepted the job, and refunds it if the track fails.",
    );
    expect(explainBatch([take({ status: "queued" }), take({ status: "pending", acceptedByVenice: false })]).text).toBe(
      "Venice charged $0.02 for the takes it accepted, and refunds a take that fails.",
    );
  });

  it("a refunded take is not counted; an expired one is; a possible charge is told apart", () => {
    expect(explainBatch([take({}), failed("INFERENCE_FAILED", true)])).toEqual({ moneySpent: "yes", text: "1 of 2 takes saved · Venice charged $0.02" });
    expect(explainBatch([failed("CONTENT_VIOLATION", false), failed("INFERENCE_FAILED", true)])).toEqual({ moneySpent: "no", text: "No take saved · nothing charged" });
    const expired = take({ status: "expired", error: { code: "EXPIRED", message: "x", suggestedPrompt: null } });
    expect(explainBatch([take({}), expired]).text).toBe("1 of 2 takes saved · Venice charged $0.03");
    const uncertain = take({ status: "uncertain", acceptedByVenice: false, error: { code: "QUEUE_UNCONFIRMED", message: "x", suggestedPrompt: null } });
    expect(explainBatch([take({}), uncertain]).text).toBe("1 of 2 takes saved · Venice charged $0.02, and may have charged $0.02 more");
    expect(explainBatch([uncertain, failed("INFERENCE_FAILED", true)])).toEqual({ moneySpent: "maybe", text: "No take saved · Venice may have charged $0.02" });
  });

  it("a single take that ended without a track: its own row says it all", () => {
    expect(explainBatch([failed("INFERENCE_FAILED", true)])).toEqual({ moneySpent: "no", text: null });
  });
});
