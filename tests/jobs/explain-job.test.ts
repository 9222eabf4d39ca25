import { describe, expect, it } from "vitest";
import { explainJob, type ExplainableJob } from "@/components/jobs/explain-job";

// Every state and failure a job card can show: a title, what happened with what to do, and
// whether money was spent.

const job = (overrides: Partial<ExplainableJob>): ExplainableJob => ({
  status: "pending",
  error: null,
  retry: null,
  quotedUsd: 0.19,
  acceptedByVenice: false,
  ...overrides,
});

const refused = (code: string, acceptedByVenice: boolean, suggestedPrompt: string | null = null) =>
  job({ status: "failed", acceptedByVenice, error: { code, message: `stored message for ${code}`, suggestedPrompt } });

describe("explainJob: jobs going to plan", () => {
  // Their money is told once for the batch (tests/jobs/explain-batch.test.ts).
  it.each([
    ["pending", false, "Sending to Venice", "no"],
    ["queued", true, "Waiting in Venice's queue", "yes"],
    ["processing", true, "Making the track", "yes"],
    ["downloaded", true, "Saving to the library", "yes"],
  ] as const)("%s: %s", (status, acceptedByVenice, title, moneySpent) => {
    expect(explainJob(job({ status, acceptedByVenice }), "venice")).toEqual({ tone: "working", title, detail: null, moneySpent, money: null });
  });

  it("completed: ready, and paid (the batch says so once)", () => {
    expect(explainJob(job({ status: "completed", acceptedByVenice: true, quotedUsd: 0.025 }), "venice")).toEqual({
      tone: "ready",
      title: "Ready",
      detail: null,
      moneySpent: "yes",
      money: null,
    });
  });
});

describe("explainJob: waiting to try again", () => {
  it("a 429 before queueing: waits and sends again, nothing charged yet", () => {
    const explained = explainJob(job({ status: "pending", retry: { reason: "rate_limited", inMs: 28_400 } }), "venice");
    expect(explained).toMatchObject({ tone: "waiting", title: "Waiting for Venice", moneySpent: "no" });
    expect(explained.detail).toBe("Venice asked the studio to slow down. It sends the job again in about 28 s; nothing to do.");
  });

  it("a 429 while following: checks again later, money already with Venice", () => {
    const explained = explainJob(job({ status: "processing", acceptedByVenice: true, retry: { reason: "rate_limited", inMs: 90_000 } }), "venice");
    expect(explained.detail).toBe("Venice asked the studio to slow down. It checks on it again in about 2 min; nothing to do.");
    expect(explained.moneySpent).toBe("yes");
  });

  it("Venice errors that may pass: counted, with when the next try is", () => {
    const once = explainJob(job({ status: "queued", acceptedByVenice: true, retry: { reason: "venice", failures: 1, inMs: 400 } }), "venice");
    expect(once).toMatchObject({ tone: "waiting", title: "Venice is not answering" });
    expect(once.detail).toBe("Venice did not answer properly. The studio tries again in a moment; nothing to do.");
    const thrice = explainJob(job({ status: "queued", acceptedByVenice: true, retry: { reason: "venice", failures: 3, inMs: 4_000 } }), "venice");
    expect(thrice.detail).toBe("Venice did not answer properly (3 times in a row). The studio tries again in about 4 s; nothing to do.");
  });

  it("inference errors: says the job ends refunded if they stay", () => {
    const explained = explainJob(job({ status: "processing", acceptedByVenice: true, retry: { reason: "inference", failures: 2, inMs: 2_000 } }), "venice");
    expect(explained.title).toBe("Venice reported an error");
    expect(explained.detail).toMatch(/\(2 times in a row\)\. The studio checks again in about 2 s; if the error stays, the job ends and Venice refunds it\.$/);
  });

  it("a refused key: the job is parked, the owner is told what to check", () => {
    const explained = explainJob(job({ status: "processing", acceptedByVenice: true, retry: { reason: "key_refused", failures: 1, inMs: 300_000 } }), "venice");
    expect(explained.title).toBe("Venice refused the studio's key");
    expect(explained.detail).toContain("checks again in about 5 min");
    expect(explained.detail).toContain("VENICE_API_KEY");
    expect(explained.moneySpent).toBe("yes");
  });

  it("storage trouble: Venice keeps the track meanwhile", () => {
    const explained = explainJob(job({ status: "processing", acceptedByVenice: true, retry: { reason: "storage", failures: 4, inMs: 30_000 } }), "venice");
    expect(explained.detail).toContain("could not save it yet (4 times in a row). It tries again in about 30 s; Venice keeps the track meanwhile.");
  });

  it("the studio's own trouble, and a stored track waiting for Venice's cleanup", () => {
    expect(explainJob(job({ status: "pending", retry: { reason: "worker", failures: 1, inMs: 1_500 } }), "venice").detail).toBe(
      "The studio ran into a problem of its own and tries again in about 2 s; nothing to do.",
    );
    const cleanup = explainJob(job({ status: "downloaded", acceptedByVenice: true, retry: { reason: "venice", failures: 1, inMs: 5_000 } }), "venice");
    expect(cleanup).toMatchObject({ title: "Finishing up", moneySpent: "yes" });
    expect(cleanup.detail).toMatch(/^The track is saved\./);
  });
});

describe("explainJob: ended without a track", () => {
  it("402: the balance is short; top up, nothing charged", () => {
    expect(explainJob(refused("INSUFFICIENT_BALANCE", false), "venice")).toEqual({
      tone: "failed",
      title: "Not enough Venice balance",
      detail: "Venice turned the job down: the balance, or the key's spending limit, is too low for it. Top up at venice.ai, then create it again.",
      moneySpent: "no",
      money: "Nothing was charged.",
    });
  });

  it("402 in demo mode: says how to change the simulated balance, not to top up at venice.ai", () => {
    const explained = explainJob(refused("INSUFFICIENT_BALANCE", false), "demo");
    expect(explained).toMatchObject({ tone: "failed", title: "Not enough Venice balance", moneySpent: "no", money: "Nothing was charged." });
    expect(explained.detail).not.toContain("venice.ai");
    expect(explained.detail).toContain("SIM_BALANCE_USD=100 npm start");
    expect(explained.detail).toMatch(/^The simulated Venice account turned the job down: its balance is too low for it\. In demo mode /);
  });

  it("content policy at queue (never charged) and during generation (refunded)", () => {
    const atQueue = explainJob(refused("CONTENT_VIOLATION", false, "A gentle anthem"), "venice");
    expect(atQueue).toMatchObject({ title: "Refused by the content policy", moneySpent: "no", money: "Nothing was charged." });
    expect(atQueue.detail).toBe("Venice's content policy refused this prompt. Reword it, or use Venice's suggestion below, and create it again.");
    const late = explainJob(refused("CONTENT_VIOLATION", true), "venice");
    expect(late).toMatchObject({ moneySpent: "no", money: "Venice refunded the $0.19 it charged." });
    expect(late.detail).toBe("Venice's content policy stopped this track while it was being made. Reword the prompt and create it again.");
  });

  it.each([
    ["BAD_REQUEST", false, "Settings not accepted", /^Venice did not accept these settings\. Change them/, "Nothing was charged."],
    ["BAD_REQUEST", true, "Settings not accepted", /rejected these settings while making the track/, "Venice refunded the $0.19 it charged."],
    ["INFERENCE_FAILED", true, "Venice could not make this track", /Creating it again usually works\.$/, "Venice refunded the $0.19 it charged."],
    ["UNAUTHORIZED", false, "Venice refused the studio's key", /ask whoever runs the studio to check the key\.$/, "Nothing was charged."],
    ["FORBIDDEN", false, "Model not allowed", /Pick another model/, "Nothing was charged."],
    ["NOT_FOUND", false, "Model not available", /Pick another one/, "Nothing was charged."],
    ["INVALID_REQUEST", false, "Never sent", /never went to Venice\. Create it again/, "Nothing was charged."],
  ] as const)("%s (accepted by Venice: %s)", (code, accepted, title, detail, money) => {
    const explained = explainJob(refused(code, accepted), "venice");
    expect(explained).toMatchObject({ tone: "failed", title, moneySpent: "no", money });
    expect(explained.detail).toMatch(detail);
  });

  it("an error code it has no words for: the worker's own sentence", () => {
    expect(explainJob(refused("SOMETHING_NEW", true), "venice").detail).toBe("stored message for SOMETHING_NEW");
  });

  it("expired: the track was made and paid, then lost; make it again", () => {
    expect(explainJob(job({ status: "expired", acceptedByVenice: true, error: { code: "EXPIRED", message: "x", suggestedPrompt: null } }), "venice")).toEqual({
      tone: "warning",
      title: "Expired before it was saved",
      detail: "Venice made this track, but it expired on Venice before the studio could fetch it. Create it again to get a new one.",
      moneySpent: "yes",
      money: "Venice charged $0.19 for it; an expired track is not refunded.",
    });
  });

  it("a job Venice accepted, then no longer knew: not the settings' fault, may have been charged", () => {
    const explained = explainJob(job({ status: "expired", acceptedByVenice: true, error: { code: "JOB_UNKNOWN", message: "x", suggestedPrompt: null } }), "venice");
    expect(explained).toEqual({
      tone: "warning",
      title: "Venice lost this job",
      detail:
        "Venice accepted this job but later no longer recognised it, so the studio could not fetch the track. Your settings were fine. If the studio's Venice key was changed to another account since, that account cannot see it; otherwise create it again.",
      moneySpent: "maybe",
      money: "Venice may have charged $0.19; your Venice account's usage shows whether it did.",
    });
    expect(explained.detail).not.toMatch(/change them|settings not accepted|rejected/i);
  });

  it("uncertain: may have been charged, was not sent twice, check the account", () => {
    const explained = explainJob(job({ status: "uncertain", error: { code: "QUEUE_UNCONFIRMED", message: "x", suggestedPrompt: null } }), "venice");
    expect(explained).toMatchObject({ tone: "warning", title: "Outcome unknown", moneySpent: "maybe" });
    expect(explained.detail).toContain("It was not sent again. Check your Venice account before creating it again.");
    expect(explained.money).toBe("Venice may have charged $0.19; your Venice account's usage shows whether it did.");
  });
});
