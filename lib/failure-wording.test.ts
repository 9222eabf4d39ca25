import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { jobError, refusal } from "@/lib/generations/messages";
import { VeniceError, type VeniceErrorCode } from "@/lib/venice/errors";
import { apiMessage, balanceRefusal, balanceShortReason, endedStatusOf, explainEnding } from "./failure-wording";

// The one table of failure wording: the API's answers, the job cards (tests/jobs) and the
// sentence the worker stores, which the API serves and the library's ended-job rows show.

const VENICE_CODES: VeniceErrorCode[] = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "INSUFFICIENT_BALANCE",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONTENT_VIOLATION",
  "RATE_LIMITED",
  "SERVER_ERROR",
  "UNAVAILABLE",
  "TIMEOUT",
  "TRUNCATED",
  "NETWORK",
  "INVALID_RESPONSE",
];

describe("the API's answer to a failed Venice call", () => {
  it.each(VENICE_CODES)("%s has a sentence of its own", (code) => {
    expect(apiMessage(code, "venice")).toMatch(/^[A-Z].{20,}\.$/);
    expect(apiMessage(code, "demo")).toMatch(/^[A-Z].{20,}\.$/);
  });

  it("keeps the sentences creators see today", () => {
    expect(apiMessage("NETWORK", "venice")).toBe("The studio could not reach Venice. Check the server's internet connection.");
    expect(apiMessage("BAD_REQUEST", "venice")).toBe("Venice did not accept these settings. Check the highlighted fields and try again.");
  });
});

describe("the balance, by mode", () => {
  it("with Venice: top up at venice.ai", () => {
    expect(apiMessage("INSUFFICIENT_BALANCE", "venice")).toBe(
      "There is not enough Venice balance (or the key's spending limit is reached). Top up at venice.ai and try again.",
    );
    expect(balanceShortReason("venice", 24.305, 27.6)).toBe("The Venice balance ($24.30) is short of $27.60. Top up at venice.ai.");
    expect(balanceRefusal("venice", 0.1501, 0.12)).toBe("This costs $0.16 but the Venice balance is $0.12. Top up at venice.ai and try again.");
  });

  it("in demo mode: never venice.ai, but how to change the simulated balance (SIM_BALANCE_USD, once the saved one is gone)", () => {
    const hint =
      "In demo mode the balance is simulated. To change it, stop the studio while no track is being made, delete the simulator's saved state " +
      "(data/venice-sim, or venice-sim in your DATA_DIR) and start it again with SIM_BALANCE_USD set, e.g. SIM_BALANCE_USD=100 npm start.";
    expect(apiMessage("INSUFFICIENT_BALANCE", "demo")).toBe(`There is not enough Venice balance for this. ${hint}`);
    expect(balanceShortReason("demo", 24.305, 27.6)).toBe(`The Venice balance ($24.30) is short of $27.60. ${hint}`);
    expect(balanceRefusal("demo", 0.15, 0.12)).toBe(`This costs $0.15 but the Venice balance is $0.12. ${hint}`);
    const ended = explainEnding({ status: "failed", error: { code: "INSUFFICIENT_BALANCE" }, acceptedByVenice: false, quotedUsd: 0.15, mode: "demo" });
    expect(ended.detail).toBe(`The simulated Venice account turned the job down: its balance is too low for it. ${hint} Then create it again.`);
    for (const code of VENICE_CODES) expect(apiMessage(code, "demo")).not.toContain("venice.ai");
  });
});

describe("what the worker stores with a job that ended without a track", () => {
  const job = (accepted: boolean) => ({ queueId: accepted ? "a-queue-id" : null, quotedUsd: new Prisma.Decimal("0.025") });
  const refused = (code: VeniceErrorCode, suggestedPrompt?: string) => new VeniceError(code, { status: 400, suggestedPrompt });

  it("the studio's own codes: the card's words, then the money, with the price rounded up", () => {
    expect(jobError(job(true), "INFERENCE_FAILED")).toEqual({
      code: "INFERENCE_FAILED",
      message: "Venice's model failed while making it. Creating it again usually works. Venice refunded the $0.03 it charged.",
    });
    expect(jobError(job(false), "INVALID_REQUEST").message).toBe(
      "The studio's stored copy of this request is not valid, so it never went to Venice. Create it again from the form. Nothing was charged.",
    );
    expect(jobError(job(true), "EXPIRED").message).toMatch(/ Venice charged \$0\.03 for it; an expired track is not refunded\.$/);
    expect(jobError(job(true), "JOB_UNKNOWN").message).toMatch(/^Venice accepted this job but later no longer recognised it.* Venice may have charged \$0\.03;/);
    expect(jobError(job(false), "QUEUE_UNCONFIRMED").message).toMatch(/^The studio lost touch .* Venice may have charged \$0\.03;/);
  });

  it("each code ends the job in the status the worker puts it in", () => {
    expect(endedStatusOf("QUEUE_UNCONFIRMED")).toBe("uncertain");
    expect(endedStatusOf("EXPIRED")).toBe("expired");
    expect(endedStatusOf("JOB_UNKNOWN")).toBe("expired");
    expect(endedStatusOf("INFERENCE_FAILED")).toBe("failed");
    expect(endedStatusOf("CONTENT_VIOLATION")).toBe("failed");
  });

  it("a refusal at queue was never charged; one during generation was refunded", () => {
    expect(refusal(job(false), refused("BAD_REQUEST")).message).toBe(
      "Venice did not accept these settings. Change them in the form and create it again. Nothing was charged.",
    );
    expect(refusal(job(true), refused("BAD_REQUEST")).message).toBe(
      "Venice's model rejected these settings while making the track. Change them in the form and create it again. Venice refunded the $0.03 it charged.",
    );
  });

  it("keeps Venice's suggested prompt beside the sentence, which does not point at it", () => {
    const error = refusal(job(false), refused("CONTENT_VIOLATION", "A gentle anthem"));
    expect(error).toEqual({
      code: "CONTENT_VIOLATION",
      suggestedPrompt: "A gentle anthem",
      message: "Venice's content policy refused this prompt. Reword it and create it again. Nothing was charged.",
    });
  });
});

describe("a code with no words for the status the job ended in", () => {
  const ended = (status: "failed" | "expired" | "uncertain", code: string) =>
    explainEnding({ status, error: { code, message: "the stored sentence" }, acceptedByVenice: true, quotedUsd: 0.19, mode: "venice" });

  it("a failed job: the stored sentence, under the usual title", () => {
    expect(ended("failed", "SOMETHING_NEW")).toMatchObject({ title: "Venice could not make this track", detail: "the stored sentence", moneySpent: "no" });
    expect(ended("failed", "EXPIRED").detail).toBe("the stored sentence");
    expect(ended("failed", "constructor").detail).toBe("the stored sentence");
  });

  it("an expired or uncertain job: told as its status usually is", () => {
    expect(ended("expired", "SOMETHING_NEW")).toMatchObject({ title: "Expired before it was saved", moneySpent: "yes" });
    expect(ended("uncertain", "SOMETHING_NEW")).toMatchObject({ title: "Outcome unknown", moneySpent: "maybe" });
  });
});
