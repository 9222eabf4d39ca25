// Fault injection: queued faults (error/hang/truncate), prompt markers, job controls and
// the /_sim admin endpoints, over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SIM_MODELS } from "./catalog";
import { NO_LIMITS, sleep, startSim, stubRender, type SimClient } from "@/tests/support/venice-sim";

const SFX = { model: "elevenlabs-sound-effects-v2", prompt: "rain on a tin roof", duration_seconds: 2 };
const SFX_PRICE = 0.0046;

let c: SimClient;
beforeAll(async () => {
  c = await startSim({ ...NO_LIMITS, render: stubRender(50_000), enableFaults: true, speed: 500 });
});
afterAll(() => c.close());
beforeEach(() => c.sim.control.reset());

describe("queued error faults", () => {
  it("answer 500 to the next N calls of one endpoint only", async () => {
    c.sim.control.injectFault({ kind: "error", status: 500, count: 2, endpoint: "retrieve" });
    const id = await c.queue(SFX);
    for (let i = 0; i < 2; i++) {
      const reply = await c.post("/audio/retrieve", { model: SFX.model, queue_id: id });
      expect(reply.status).toBe(500);
      expect(reply.body).toEqual({ error: "Inference processing failed" });
    }
    expect((await c.waitForResult(SFX.model, id)).status).toBe(200);
    expect(c.sim.control.pendingFaults()).toEqual([]);
  });

  it("answer 503 to the next call of any endpoint, without handling it", async () => {
    c.sim.control.injectFault({ kind: "error", status: 503 });
    const reply = await c.post("/audio/queue", SFX);
    expect(reply.status).toBe(503);
    expect(reply.body).toEqual({ error: expect.any(String) });
    expect(c.sim.control.jobs()).toHaveLength(0);
    expect(c.sim.control.balanceUsd()).toBe(100);
    expect((await c.post("/audio/queue", SFX)).status).toBe(200);
    expect(c.sim.control.requests().map((e) => e.fault)).toEqual(["error", undefined]);
  });

  it("answer 429 with Retry-After", async () => {
    c.sim.control.injectFault({ kind: "error", status: 429, retryAfterSeconds: 7, endpoint: "queue" });
    expect((await c.post("/audio/quote", { model: SFX.model })).status).toBe(200);
    const reply = await c.post("/audio/queue", SFX);
    expect(reply.status).toBe(429);
    expect(reply.headers.get("retry-after")).toBe("7");
    expect(reply.body).toEqual({ error: expect.any(String) });
  });
});

describe("hang faults", () => {
  it("never answer until the client gives up, and do not handle the call", async () => {
    c.sim.control.injectFault({ kind: "hang", endpoint: "queue" });
    await expect(c.post("/audio/queue", SFX, { signal: AbortSignal.timeout(250) })).rejects.toThrow();
    expect(c.sim.control.jobs()).toHaveLength(0);
    const entry = c.sim.control.requests().at(-1)!;
    expect(entry).toMatchObject({ status: null, fault: "hang", endpoint: "queue" });
    expect((await c.post("/audio/queue", SFX)).status).toBe(200);
  });

  it("with execute: the call takes effect but its answer is lost (a paid, unknown job)", async () => {
    c.sim.control.injectFault({ kind: "hang", endpoint: "queue", execute: true });
    await expect(c.post("/audio/queue", SFX, { signal: AbortSignal.timeout(250) })).rejects.toThrow();
    expect(c.sim.control.jobs()).toHaveLength(1);
    expect(c.sim.control.balanceUsd()).toBeCloseTo(100 - SFX_PRICE, 9);
  });

  it("with ms and close: drop the connection after the delay", async () => {
    c.sim.control.injectFault({ kind: "hang", ms: 100, close: true, endpoint: "queue", execute: true });
    const started = Date.now();
    await expect(c.post("/audio/queue", SFX)).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(c.sim.control.jobs()).toHaveLength(1); // it was executed: paid for, answer lost
    expect(c.sim.control.requests().at(-1)).toMatchObject({ status: null, fault: "hang" });
  });

  it("with ms and execute: the effect happens on arrival, the answer comes late", async () => {
    c.sim.control.injectFault({ kind: "hang", ms: 200, endpoint: "queue", execute: true });
    const pending = c.post("/audio/queue", SFX);
    await sleep(50);
    expect(c.sim.control.jobs()).toHaveLength(1);
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(reply.body.queue_id).toBe(c.sim.control.jobs()[0]!.id);
  });

  it("with ms: answer normally after the delay", async () => {
    c.sim.control.injectFault({ kind: "hang", ms: 200 });
    const started = Date.now();
    const reply = await c.post("/audio/quote", { model: "lyria-3-pro" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(reply).toMatchObject({ status: 200, body: { quote: 0.1 } });
  });
});

describe("truncate faults", () => {
  it("cut the next audio answer (not a JSON one) part-way, once", async () => {
    c.sim.control.injectFault({ kind: "truncate", fraction: 0.3 });
    const id = await c.queue(SFX);
    // PROCESSING answers do not consume it; the audio answer is cut, so reading it fails.
    await expect(c.waitForResult(SFX.model, id)).rejects.toThrow();
    expect(c.sim.control.requests().at(-1)).toMatchObject({ fault: "truncate", status: 200 });
    // The next retrieve gets the whole file.
    const whole = await c.post("/audio/retrieve", { model: SFX.model, queue_id: id });
    expect(whole.status).toBe(200);
    expect(whole.bytes!.length).toBe(50_000);
  });

  it("leave Content-Length announcing the full audio", async () => {
    const id = await c.queue(SFX);
    while ((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).body?.status === "PROCESSING") await sleep(10);
    c.sim.control.injectFault({ kind: "truncate" });
    const res = await fetch(`${c.sim.url}/audio/retrieve`, {
      method: "POST",
      headers: { authorization: `Bearer ${c.sim.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: SFX.model, queue_id: id }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe("50000");
    await expect(res.arrayBuffer()).rejects.toThrow();
  });
});

describe("prompt markers", () => {
  it("[sim:violation]: 422 {error, suggested_prompt} at queue, nothing charged; the suggestion passes", async () => {
    for (const model of SIM_MODELS) {
      const lyrics = model.model_spec.lyrics_required || model.id.startsWith("minimax-music-v2") ? { lyrics_prompt: "Hold on to me, hold on" } : {};
      const reply = await c.post("/audio/queue", { model: model.id, prompt: "A brutal [sim:violation] battle anthem", ...lyrics });
      expect(reply.status, model.id).toBe(422);
      expect(reply.body).toEqual({ error: expect.any(String), suggested_prompt: expect.any(String) });
      expect(reply.body.suggested_prompt).not.toContain("[sim:");
      expect(reply.body.suggested_prompt).toContain("battle anthem");
      expect(c.sim.control.balanceUsd()).toBe(100);
      const retry = await c.post("/audio/queue", { model: model.id, prompt: reply.body.suggested_prompt, ...lyrics });
      expect(retry.status, `${model.id} ${JSON.stringify(retry.body)}`).toBe(200);
      c.sim.control.reset();
    }
  });

  it("[sim:violation] comes after validation", async () => {
    const reply = await c.post("/audio/queue", { model: "ace-step-15", prompt: "[sim:violation] x", loop: true });
    expect(reply.status).toBe(400);
  });

  it("[sim:violation-late]: the job ends in a 422 from retrieve, refunded", async () => {
    const id = await c.queue({ ...SFX, prompt: "thunder [sim:violation-late]" });
    expect(c.sim.control.balanceUsd()).toBeCloseTo(100 - SFX_PRICE, 9);
    const reply = await c.waitForResult(SFX.model, id);
    expect(reply.status).toBe(422);
    expect(reply.body.error).toEqual(expect.any(String));
    expect(c.sim.control.balanceUsd()).toBe(100);
    expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(422);
    expect(await c.post("/audio/complete", { model: SFX.model, queue_id: id })).toMatchObject({ status: 200, body: { success: true } });
    expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(404);
  });

  it("[sim:fail]: the job fails during generation, retrieve answers 500, refunded", async () => {
    const id = await c.queue({ ...SFX, prompt: "glass [sim:fail] shattering" });
    expect(c.sim.control.balanceUsd()).toBeCloseTo(100 - SFX_PRICE, 9);
    const reply = await c.waitForResult(SFX.model, id);
    expect(reply).toMatchObject({ status: 500, body: { error: "Inference processing failed" } });
    expect(c.sim.control.balanceUsd()).toBe(100);
    expect(c.sim.control.job(id)).toMatchObject({ status: "failed", refundedUsd: SFX_PRICE });
  });

  it("[sim:fail]: the refund shows in the balance even if nobody retrieves", async () => {
    await c.queue({ ...SFX, prompt: "glass [sim:fail] shattering" });
    await sleep(100);
    expect((await c.get("/billing/balance")).body.balances.usd).toBe(100);
  });

  it("[sim:invalid-late]: a provider-side validation failure, 400 from retrieve, refunded", async () => {
    const id = await c.queue({ ...SFX, prompt: "wind [sim:invalid-late]" });
    const reply = await c.waitForResult(SFX.model, id);
    expect(reply.status).toBe(400);
    expect(reply.body.details._errors.length).toBeGreaterThan(0);
    expect(c.sim.control.balanceUsd()).toBe(100);
  });

  it("[sim:expire]: 404 once finished; not refunded", async () => {
    const id = await c.queue({ ...SFX, prompt: "birdsong [sim:expire]" });
    const reply = await c.waitForResult(SFX.model, id);
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ error: expect.any(String) });
    expect(c.sim.control.balanceUsd()).toBeCloseTo(100 - SFX_PRICE, 9);
    expect((await c.post("/audio/complete", { model: SFX.model, queue_id: id })).status).toBe(404);
  });

  it("[sim:expire]: PROCESSING while the job runs", async () => {
    const slow = await startSim({ render: stubRender(), speed: 1, enableFaults: true });
    try {
      const id = await slow.queue({ ...SFX, prompt: "birdsong [sim:expire]" });
      expect((await slow.post("/audio/retrieve", { model: SFX.model, queue_id: id })).body.status).toBe("PROCESSING");
      slow.sim.control.finishJob(id);
      expect((await slow.waitForResult(SFX.model, id)).status).toBe(404);
    } finally {
      await slow.close();
    }
  });

  it("are ordinary text when faults are off", async () => {
    const plain = await startSim({ render: stubRender(), speed: 500 });
    try {
      const reply = await plain.post("/audio/queue", { ...SFX, prompt: "[sim:violation] [sim:fail] [sim:expire]" });
      expect(reply.status).toBe(200);
      expect((await plain.waitForResult(SFX.model, reply.body.queue_id)).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});

describe("job controls", () => {
  it("failJob: the job fails now with the given status, refunded", async () => {
    const id = await c.queue({ model: "minimax-music-v2", prompt: "A slow soul ballad", lyrics_prompt: "Hold on to me" });
    expect(c.sim.control.balanceUsd()).toBeCloseTo(99.96, 9);
    expect(c.sim.control.failJob(id, { status: 503, error: "The model is at capacity." })).toBe(true);
    const reply = await c.post("/audio/retrieve", { model: "minimax-music-v2", queue_id: id });
    expect(reply).toMatchObject({ status: 503, body: { error: "The model is at capacity." } });
    expect(c.sim.control.balanceUsd()).toBe(100);
    expect(c.sim.control.failJob("0b8a1a5e-2f0c-4c8e-9a51-3c3f1f0d8e11")).toBe(false);
  });

  it("expireJob: a finished job's media is gone", async () => {
    const id = await c.queue(SFX);
    expect((await c.waitForResult(SFX.model, id)).status).toBe(200);
    expect(c.sim.control.expireJob(id)).toBe(true);
    expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(404);
  });

  it("finishJob: skips the remaining execution time", async () => {
    const slow = await startSim({ render: stubRender(), speed: 1 });
    try {
      const id = await slow.queue({ model: "minimax-music-v26", prompt: "A slow soul ballad", force_instrumental: true });
      expect((await slow.post("/audio/retrieve", { model: "minimax-music-v26", queue_id: id })).body.status).toBe("PROCESSING");
      slow.sim.control.finishJob(id);
      expect((await slow.waitForResult("minimax-music-v26", id, { timeoutMs: 2000 })).status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});

describe("admin endpoints", () => {
  it("mirror the control, behind the key", async () => {
    expect((await c.admin("POST", "/faults", { kind: "error", status: 500 }, { key: null })).status).toBe(401);
    expect((await c.admin("POST", "/faults", { kind: "error", status: 418 })).status).toBe(400);
    expect((await c.admin("POST", "/faults", { kind: "teleport" })).status).toBe(400);
    const added = await c.admin("POST", "/faults", { kind: "error", status: 500, endpoint: "quote", count: 1 });
    expect(added.status).toBe(200);
    expect((await c.admin("GET", "/faults")).body.data).toHaveLength(1);
    expect((await c.post("/audio/quote", { model: "lyria-3-pro" })).status).toBe(500);

    await c.admin("POST", "/faults", { kind: "error", status: 503 });
    expect((await c.admin("DELETE", "/faults")).status).toBe(200);
    expect(c.sim.control.pendingFaults()).toEqual([]);

    expect((await c.admin("POST", "/balance", { usd: 0.5 })).body).toEqual({ usd: 0.5 });
    expect((await c.get("/billing/balance")).body.balances.usd).toBe(0.5);

    const id = await c.queue(SFX);
    expect((await c.admin("GET", "/jobs")).body.data).toHaveLength(1);
    expect((await c.admin("GET", `/jobs/${id}`)).body).toMatchObject({ id, model: SFX.model });
    expect((await c.admin("POST", `/jobs/${id}/fail`, { status: 500 })).status).toBe(200);
    expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(500);
    expect((await c.admin("POST", `/jobs/0b8a1a5e-2f0c-4c8e-9a51-3c3f1f0d8e11/expire`)).status).toBe(404);

    const id2 = await c.queue(SFX);
    expect((await c.admin("POST", `/jobs/${id2}/finish`)).status).toBe(200);
    expect((await c.admin("POST", `/jobs/${id2}/expire`)).status).toBe(200);
    expect((await c.waitForResult(SFX.model, id2)).status).toBe(404);

    expect((await c.admin("POST", "/reset")).status).toBe(200);
    expect(c.sim.control.jobs()).toEqual([]);
    expect(c.sim.control.balanceUsd()).toBe(100);
    expect((await c.admin("GET", "/nothing")).status).toBe(404);
  });

  it("refuse mutations (403) when faults are off, but still serve the request log", async () => {
    const plain = await startSim({ render: stubRender() });
    try {
      expect((await plain.admin("POST", "/faults", { kind: "error", status: 500 })).status).toBe(403);
      expect((await plain.admin("POST", "/balance", { usd: 1 })).status).toBe(403);
      expect((await plain.admin("POST", "/reset")).status).toBe(403);
      expect((await plain.admin("GET", "/requests")).status).toBe(200);
      expect((await plain.admin("GET", "/jobs")).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});
