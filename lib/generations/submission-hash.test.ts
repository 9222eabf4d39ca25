import { describe, expect, it } from "vitest";
import { submissionHash } from "./submission-hash";

describe("submissionHash", () => {
  it("is the same for the same submission written in another key order", () => {
    expect(submissionHash({ model: "m", takes: 1, draft: { prompt: "p", duration_seconds: 60 } })).toBe(
      submissionHash({ draft: { duration_seconds: 60, prompt: "p" }, takes: 1, model: "m" } as never),
    );
  });

  it("differs when the model, the takes or any field differs", () => {
    const base = { model: "m", takes: 1, draft: { prompt: "p" } };
    const hashes = new Set([
      submissionHash(base),
      submissionHash({ ...base, model: "n" }),
      submissionHash({ ...base, takes: 2 }),
      submissionHash({ ...base, draft: { prompt: "q" } }),
      submissionHash({ ...base, draft: { prompt: "p", loop: true } }),
    ]);
    expect(hashes.size).toBe(5);
  });
});
