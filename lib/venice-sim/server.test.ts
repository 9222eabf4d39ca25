// Routing, auth, JSON, balance endpoints, rate limits, the 4xx error budget and the
// request log, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_LIMITS, sleep, startSim, stubRender, type SimClient } from "@/tests/support/venice-sim";

const SFX = { model: "elevenlabs-sound-effects-v2", prompt: "rain on a tin roof", duration_seconds: 2 };

describe("routing, auth and JSON", () => {
  let c: SimClient;
  beforeAll(async () => {
    c = await startSim({ ...NO_LIMITS, render: stubRender(), apiKey: "sim-test-key" });
  });
  afterAll(() => c.close());

  it("uses the given key and a loopback base URL under /api/v1", () => {
    expect(c.sim.apiKey).toBe("sim-test-key");
    expect(c.sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  });

  it("generates a random sim- key by default", async () => {
    const s = await startSim({ render: stubRender() });
    try {
      expect(s.sim.apiKey).toMatch(/^sim-[0-9a-f]{32}$/);
    } finally {
      await s.close();
    }
  });

  it("answers 401 {error} to a missing or wrong key", async () => {
    for (const key of [null, "wrong"]) {
      for (const path of ["/audio/queue", "/audio/retrieve", "/audio/complete"]) {
        const reply = await c.post(path, { model: "ace-step-15" }, { key });
        expect(reply.status, `${path} ${key}`).toBe(401);
        expect(reply.body).toEqual({ error: expect.any(String) });
      }
      for (const path of ["/billing/balance", "/api_keys/rate_limits"]) {
        expect((await c.get(path, { key })).status).toBe(401);
      }
    }
    const lower = await fetch(`${c.sim.url}/billing/balance`, { headers: { authorization: `bearer ${c.sim.apiKey}` } });
    expect(lower.status).toBe(200);
  });

  it("answers 404 to an unknown path and 405 to a wrong method", async () => {
    const unknown = await c.get("/audio/nothing");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: expect.any(String) });
    expect((await fetch(c.sim.url.replace("/api/v1", "/v2/models"))).status).toBe(404);
    const wrong = await c.get("/audio/queue");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect((await c.post("/models", {})).status).toBe(405);
  });

  it("answers 400 to a body that is not JSON", async () => {
    for (const raw of ["{not json", "", "model=ace-step-15"]) {
      const reply = await c.post("/audio/queue", undefined, { raw });
      expect(reply.status).toBe(400);
      expect(typeof reply.body.error).toBe("string");
      expect(reply.body.details._errors.length).toBeGreaterThan(0);
    }
  });

  it("reports the balance on /billing/balance and /api_keys/rate_limits", async () => {
    const balance = await c.get("/billing/balance");
    expect(balance.status).toBe(200);
    expect(balance.body).toEqual({ canConsume: true, consumptionCurrency: "USD", balances: { usd: 100, diem: null }, diemEpochAllocation: 0 });
    const limits = await c.get("/api_keys/rate_limits");
    expect(limits.status).toBe(200);
    expect(limits.body.data.balances).toEqual({ USD: 100, DIEM: 0 });
    expect(limits.body.data).toMatchObject({ accessPermitted: true, apiTier: { id: "paid", isCharged: true }, keyExpiration: null });
    expect(Array.isArray(limits.body.data.rateLimits)).toBe(true);
  });
});

describe("rate limits per key", () => {
  it("answers 429 with Retry-After and x-ratelimit-* past the queue limit, before reaching the handler", async () => {
    const c = await startSim({ render: stubRender(), rateLimits: { queuePerMinute: 2, retrievePerMinute: 100 } });
    try {
      const first = await c.post("/audio/queue", SFX);
      expect(first.status).toBe(200);
      expect(first.headers.get("x-ratelimit-limit-requests")).toBe("2");
      expect(first.headers.get("x-ratelimit-remaining-requests")).toBe("1");
      expect((await c.post("/audio/queue", SFX)).status).toBe(200);
      const limited = await c.post("/audio/queue", SFX);
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ error: expect.any(String) });
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.headers.get("x-ratelimit-remaining-requests")).toBe("0");
      const reset = Number(limited.headers.get("x-ratelimit-reset-requests"));
      expect(reset).toBeGreaterThan(Date.now() / 1000);
      expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 61);
      expect(c.sim.control.jobs()).toHaveLength(2);
      expect(c.sim.control.balanceUsd()).toBeCloseTo(100 - 2 * 0.0046, 9);
      // Retrieve has its own budget.
      const id = c.sim.control.jobs()[0]!.id;
      expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(200);
    } finally {
      await c.close();
    }
  });

  it("limits retrieve separately and frees the window as it rolls", async () => {
    const c = await startSim({ render: stubRender(), rateLimits: { queuePerMinute: 10, retrievePerMinute: 3 }, rateLimitWindowMs: 400 });
    try {
      const id = await c.queue(SFX);
      for (let i = 0; i < 3; i++) expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(200);
      const limited = await c.post("/audio/retrieve", { model: SFX.model, queue_id: id });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await c.post("/audio/queue", SFX)).status).toBe(200);
      await sleep(450);
      expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(200);
    } finally {
      await c.close();
    }
  });
});

describe("the 4xx error budget", () => {
  it("locks key+model out with 429 after more than N failed 4xx in the window, 429s not counted", async () => {
    const c = await startSim({
      render: stubRender(),
      rateLimits: { queuePerMinute: 1000, retrievePerMinute: 1000 },
      errorBudget: { maxFailures: 5, windowMs: 30_000, lockoutMs: 600 },
    });
    try {
      const bad = { model: "ace-step-15", prompt: "too short" };
      for (let i = 0; i < 5; i++) expect((await c.post("/audio/queue", bad)).status).toBe(400);
      expect((await c.post("/audio/queue", { model: "ace-step-15", prompt: "A long enough prompt" })).status).toBe(200);
      expect((await c.post("/audio/queue", bad)).status).toBe(400); // the 6th failure: > 5
      const locked = await c.post("/audio/queue", { model: "ace-step-15", prompt: "A long enough prompt" });
      expect(locked.status).toBe(429);
      expect(locked.body.error).toMatch(/Too many failed attempts/);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Every endpoint of that key+model, the quote included.
      expect((await c.post("/audio/quote", { model: "ace-step-15" })).status).toBe(429);
      // Another model of the same key is unaffected.
      expect((await c.post("/audio/queue", SFX)).status).toBe(200);
      await sleep(650);
      expect((await c.post("/audio/queue", { model: "ace-step-15", prompt: "A long enough prompt" })).status).toBe(200);
    } finally {
      await c.close();
    }
  });

  it("counts 404s too, but not 429s", async () => {
    const c = await startSim({
      render: stubRender(),
      rateLimits: { queuePerMinute: 3, retrievePerMinute: 1000 },
      errorBudget: { maxFailures: 3, windowMs: 30_000, lockoutMs: 60_000 },
    });
    try {
      // 429s from the request rate limit do not use up the error budget.
      const queued = [];
      for (let i = 0; i < 3; i++) queued.push(await c.post("/audio/queue", SFX));
      expect(queued.map((reply) => reply.status)).toEqual([200, 200, 200]);
      for (let i = 0; i < 6; i++) expect((await c.post("/audio/queue", SFX)).status).toBe(429);
      expect((await c.post("/audio/quote", { model: SFX.model })).status).toBe(200);
      // Media deleted on completion: every later retrieve is a 404.
      const deleted = queued[0]!.body.queue_id as string;
      c.sim.control.failJob(deleted);
      expect((await c.post("/audio/complete", { model: SFX.model, queue_id: deleted })).body).toEqual({ success: true });
      for (let i = 0; i < 4; i++) expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: deleted })).status).toBe(404);
      const locked = await c.post("/audio/quote", { model: SFX.model });
      expect(locked.status).toBe(429);
    } finally {
      await c.close();
    }
  });
});

describe("the request log", () => {
  it("records every API call in order with method, path, body and status, never the key", async () => {
    const c = await startSim({ ...NO_LIMITS, render: stubRender(), apiKey: "sim-secret-key-123" });
    try {
      await c.get("/models?type=music");
      await c.post("/audio/quote", { model: "lyria-3-pro" }, { key: null });
      const queued = await c.post("/audio/queue", SFX);
      await c.post("/audio/queue", { ...SFX, loop: "yes" });
      await c.post("/audio/queue", undefined, { raw: "{oops" });
      await c.get("/nowhere");
      await c.admin("GET", "/requests"); // admin calls are not logged

      const log = c.sim.control.requests();
      expect(log.map((e) => [e.method, e.path, e.status])).toEqual([
        ["GET", "/api/v1/models?type=music", 200],
        ["POST", "/api/v1/audio/quote", 200],
        ["POST", "/api/v1/audio/queue", 200],
        ["POST", "/api/v1/audio/queue", 400],
        ["POST", "/api/v1/audio/queue", 400],
        ["GET", "/api/v1/nowhere", 404],
      ]);
      expect(log[2]!.body).toEqual(SFX);
      expect(log[2]!.endpoint).toBe("queue");
      expect(log[4]!.body).toBe("{oops");
      expect(log.map((e) => e.seq)).toEqual([...log.map((e) => e.seq)].sort((a, b) => a - b));
      for (const e of log) expect(Date.parse(e.time)).not.toBeNaN();
      expect(queued.status).toBe(200);

      const text = JSON.stringify(log);
      expect(text).not.toContain("sim-secret-key-123");
      expect(text.toLowerCase()).not.toContain("authorization");

      const http = await c.admin("GET", "/requests");
      expect(http.status).toBe(200);
      expect(http.body.data).toEqual(log);
      expect((await c.admin("GET", "/requests", undefined, { key: null })).status).toBe(401);

      expect((await c.admin("DELETE", "/requests")).status).toBe(200);
      expect(c.sim.control.requests()).toEqual([]);
      await c.get("/billing/balance");
      c.sim.control.clearRequests();
      expect(c.sim.control.requests()).toEqual([]);
    } finally {
      await c.close();
    }
  });
});
