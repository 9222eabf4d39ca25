// The client's transport rules over real HTTP: what it sends, timeouts, schema checks,
// streaming, the model list and the balance fallback. Whatever the Venice simulator can
// produce comes from the simulator (its faults included); answers it never gives (an echoed
// key, a body breaking its schema, a gzip-encoded download, a stall mid-stream, …) come from
// a tiny node:http server that answers exactly the crafted response. The full lifecycle and
// the simulator's hang/truncate/429/503 faults through it are in client.test.ts.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SIM_MODELS, type SimModel } from "@/lib/venice-sim/catalog";
import { startVeniceSimulator, type VeniceSimulator } from "@/lib/venice-sim/server";
import { NO_LIMITS, sleep, stubRender } from "@/tests/support/venice-sim";
import { averageExecutionTimeMs } from "@/lib/venice-sim/timing";
import { apiErrorFromVenice } from "@/lib/errors";
import { createVeniceClient, type VeniceClientOptions } from "./client";
import { failure, finishAndRetrieve } from "@/tests/support/venice-client";

const API_KEY = "venice-secret-key-123";
const QUEUE_ID = "3f0c2b9e-8d41-4c6a-9f7e-2a5b1c0d9e8f";
const AUDIO_BYTES = 200_000; // several of the simulator's 64 KiB chunks
const STARTING_BALANCE_USD = 1_000;

// ---- The simulator -------------------------------------------------------------------------

let sim: VeniceSimulator;

beforeAll(async () => {
  sim = await startVeniceSimulator({
    apiKey: API_KEY,
    speed: 1, // jobs stay PROCESSING until a test finishes them
    enableFaults: true,
    balanceUsd: STARTING_BALANCE_USD,
    render: stubRender(AUDIO_BYTES),
    ...NO_LIMITS,
  });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => sim.control.reset());

function simClient(options: Partial<VeniceClientOptions> = {}) {
  return createVeniceClient({ baseUrl: sim.url, apiKey: sim.apiKey, ...options });
}

/** The paths of the API calls that reached the simulator. */
const simPaths = () => sim.control.requests().map((entry) => entry.path);

// ---- Crafted answers -----------------------------------------------------------------------

type ReceivedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string };

const craftedServers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(
    craftedServers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections(); // ends the answers that were left hanging on purpose
        }),
    ),
  );
});

/** A real HTTP server on a loopback port that records each request and answers it with `answer`. */
async function craftedVenice(answer: (request: ReceivedRequest, res: http.ServerResponse) => void) {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(request);
      answer(request, res);
    });
  });
  craftedServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  return {
    baseUrl,
    received,
    client: (options: Partial<VeniceClientOptions> = {}) => createVeniceClient({ baseUrl, apiKey: API_KEY, ...options }),
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** A crafted server whose every answer is the same JSON. */
const answeringJson = (status: number, body: unknown) => craftedVenice((_request, res) => sendJson(res, status, body));

/** A crafted server whose every answer is `body` with these headers and status 200. */
const answeringBytes = (headers: Record<string, string>, body: Uint8Array | string) =>
  craftedVenice((_request, res) => res.writeHead(200, headers).end(body));

// ---- Tests ---------------------------------------------------------------------------------

describe("requests", () => {
  it("sends a Bearer key, JSON bodies to POST endpoints and GET for the model list", async () => {
    const venice = await craftedVenice((request, res) =>
      request.path.endsWith("/models?type=music")
        ? sendJson(res, 200, { object: "list", data: [] })
        : sendJson(res, 200, { model: "ace-step-15", queue_id: QUEUE_ID, status: "QUEUED" }),
    );
    // A trailing slash on the base URL must not double up in the paths.
    const client = createVeniceClient({ baseUrl: `${venice.baseUrl}/`, apiKey: API_KEY });
    await client.listMusicModels();
    await client.queue({ model: "ace-step-15", prompt: "A calm piano piece", duration_seconds: 60 });

    const [models, queue] = venice.received;
    expect(models).toMatchObject({ method: "GET", path: "/api/v1/models?type=music", body: "" });
    expect(models!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(models!.headers["content-type"]).toBeUndefined();
    expect(queue).toMatchObject({ method: "POST", path: "/api/v1/audio/queue" });
    expect(JSON.parse(queue!.body)).toEqual({ model: "ace-step-15", prompt: "A calm piano piece", duration_seconds: 60 });
    expect(queue!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(queue!.headers["content-type"]).toBe("application/json");
  });

  it("refuses to send a body that breaks Venice's request schema", async () => {
    await expect(simClient().quote({ model: "ace-step-15", character_count: 0 })).rejects.toThrow();
    expect(simPaths()).toEqual([]);
  });
});

describe("answers", () => {
  it("maps an HTTP error through the status table and keeps the key out of it", async () => {
    const venice = await answeringJson(401, { error: `Invalid key ${API_KEY}` });
    const error = await failure(venice.client().quote({ model: "ace-step-15" }));
    expect(error).toMatchObject({ code: "UNAUTHORIZED", status: 401 });
    expect(error.message).toContain("Invalid key [redacted]");
    expect(error.message).not.toContain(API_KEY);
    expect(apiErrorFromVenice(error).message).not.toContain(API_KEY);
  });

  it("reads Retry-After given as an HTTP-date", async () => {
    const retryAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 20_000);
    const venice = await craftedVenice((_request, res) =>
      res
        .writeHead(429, { "content-type": "application/json", "retry-after": retryAt.toUTCString() })
        .end(JSON.stringify({ error: "Rate limit exceeded" })),
    );
    const error = await failure(venice.client().quote({ model: "ace-step-15" }));
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect(error.retryAfterMs).toBeGreaterThan(18_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(21_000);
  });

  it("tolerates extra fields but rejects an answer that breaks its schema", async () => {
    const extra = await answeringJson(200, { quote: 0.42, currency: "USD" });
    expect(await extra.client().quote({ model: "ace-step-15" })).toBe(0.42);

    const wrong = await answeringJson(200, { quote: "0.42" });
    expect(await failure(wrong.client().quote({ model: "ace-step-15" }))).toMatchObject({ code: "INVALID_RESPONSE", status: 200 });

    const notJson = await answeringBytes({ "content-type": "text/html" }, "<html>oops</html>");
    expect(await failure(notJson.client().complete({ model: "m", queue_id: QUEUE_ID }))).toMatchObject({
      code: "INVALID_RESPONSE",
      status: 200,
    });
  });

  it("turns a refused or dropped connection into NETWORK", async () => {
    const vacant = http.createServer();
    await new Promise<void>((resolve) => vacant.listen(0, "127.0.0.1", resolve));
    const { port } = vacant.address() as AddressInfo;
    await new Promise<void>((resolve) => vacant.close(() => resolve()));
    const refused = createVeniceClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, apiKey: API_KEY });
    expect(await failure(refused.queue({ model: "m", prompt: "p" }))).toMatchObject({
      code: "NETWORK",
      status: 0,
    });

    sim.control.injectFault({ kind: "hang", endpoint: "queue", ms: 0, close: true });
    expect(await failure(simClient().queue({ model: "ace-step-15", prompt: "A calm piano piece" }))).toMatchObject({
      code: "NETWORK",
      status: 0,
    });
    expect(sim.control.jobs()).toEqual([]);
  });

  it("times out a JSON call whose body never finishes", async () => {
    const venice = await craftedVenice((_request, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"quote":'); // and nothing more
    });
    expect(await failure(venice.client({ timeoutMs: 50 }).quote({ model: "m" }))).toMatchObject({
      code: "TIMEOUT",
      status: 0,
    });
  });
});

describe("listMusicModels", () => {
  const spec = SIM_MODELS[0]!.model_spec;
  const newModel = { ...SIM_MODELS[0]!, id: "brand-new-model", supports_stems: true, model_spec: { ...spec, supports_stems: true } };
  const newPricingShape = { ...SIM_MODELS[0]!, id: "per-minute-model", model_spec: { ...spec, pricing: { per_minute: { usd: 0.1, diem: 0.1 } } } };
  const withoutSpec = { id: "spec-less-model", type: "music" };
  const withoutId = { type: "music", model_spec: spec };

  it("keeps every entry that parses, new models included, and reports the ones that do not", async () => {
    const catalog = [SIM_MODELS[0]!, newPricingShape, newModel, withoutSpec, SIM_MODELS[1]!, withoutId];
    const custom = await startVeniceSimulator({ apiKey: API_KEY, models: catalog as unknown as SimModel[] });
    try {
      const client = createVeniceClient({ baseUrl: custom.url, apiKey: custom.apiKey });
      const { models, skipped } = await client.listMusicModels();
      expect(models.map((model) => model.id)).toEqual([SIM_MODELS[0]!.id, "brand-new-model", SIM_MODELS[1]!.id]);
      expect(models[1]!.model_spec.supports_stems).toBe(true);
      expect(skipped).toEqual([
        { id: "per-minute-model", reason: expect.stringContaining("model_spec.pricing") },
        { id: "spec-less-model", reason: expect.stringContaining("model_spec") },
        { id: undefined, reason: expect.stringContaining("id") },
      ]);
    } finally {
      await custom.close();
    }
  });

  it.each([
    ["no list marker", { data: [SIM_MODELS[0]] }],
    ["data that is not a list", { object: "list", data: { models: [] } }],
    ["no data", { object: "list" }],
  ])("still fails with INVALID_RESPONSE when the list itself is wrong: %s", async (_case, body) => {
    const venice = await answeringJson(200, body);
    expect(await failure(venice.client().listMusicModels())).toMatchObject({ code: "INVALID_RESPONSE", status: 200 });
  });
});

describe("retrieve", () => {
  it("reports PROCESSING with both times", async () => {
    const client = simClient();
    const queuedAt = Date.now();
    const { queue_id } = await client.queue({ model: "ace-step-15", prompt: "A calm piano piece at dusk" });
    await sleep(50);
    const result = await client.retrieve({ model: "ace-step-15", queue_id });
    const elapsed = Date.now() - queuedAt;
    expect(result).toEqual({
      status: "PROCESSING",
      averageExecutionTime: averageExecutionTimeMs("ace-step-15"),
      executionDuration: expect.any(Number),
    });
    if (result.status !== "PROCESSING") throw new Error("expected PROCESSING");
    expect(result.executionDuration).toBeGreaterThanOrEqual(50);
    expect(result.executionDuration).toBeLessThanOrEqual(elapsed);
  });

  it("rejects a JSON answer that is not PROCESSING", async () => {
    const venice = await answeringJson(200, { status: "FAILED" });
    expect(await failure(venice.client().retrieve({ model: "m", queue_id: QUEUE_ID }))).toMatchObject({ code: "INVALID_RESPONSE" });
  });

  it("streams finished audio with its format, Venice's inference time and Seed Audio's billed length", async () => {
    const client = simClient();
    const prompt = "A folk song about the sea";
    const { queue_id } = await client.queue({ model: "seed-audio-1-0", prompt });
    const result = await finishAndRetrieve(sim, client, "seed-audio-1-0", queue_id);
    const job = sim.control.job(queue_id)!;
    expect(result).toEqual({
      status: "DONE",
      format: "mp3",
      body: expect.any(ReadableStream),
      inferenceTimeSeconds: Number((job.executionMs / 1000).toFixed(3)),
      audioDurationSeconds: job.audioSeconds,
    });
    const expected = await stubRender(AUDIO_BYTES)({ prompt, seconds: job.audioSeconds, format: "mp3" });
    expect(new Uint8Array(await new Response(result.body).arrayBuffer())).toEqual(new Uint8Array(expected));
  });

  it.each([
    ["audio/wav", {}, "wav"],
    ["audio/flac; charset=binary", {}, "flac"],
    ["application/octet-stream", { "x-venice-audio-format": "FLAC" }, "flac"],
  ])("reads the format of %s", async (contentType, extra, format) => {
    const venice = await answeringBytes({ "content-type": contentType, ...extra }, new Uint8Array(4));
    expect(await venice.client().retrieve({ model: "m", queue_id: QUEUE_ID })).toMatchObject({ status: "DONE", format });
  });

  it("refuses an answer that is neither JSON nor audio", async () => {
    const venice = await answeringBytes({ "content-type": "text/plain" }, "hello");
    expect(await failure(venice.client().retrieve({ model: "m", queue_id: QUEUE_ID }))).toMatchObject({ code: "INVALID_RESPONSE" });
  });

  it.each([
    ["longer", new Uint8Array(5000).fill(3)],
    // Noise does not compress: gzip makes it longer, so a trusted Content-Length would call the decoded audio truncated.
    ["shorter", new Uint8Array(randomBytes(5000))],
  ])("ignores Content-Length when the body is content-encoded (decoded audio %s than it)", async (_longer, audio) => {
    const gzipped = gzipSync(audio);
    const venice = await answeringBytes(
      { "content-type": "audio/mpeg", "content-encoding": "gzip", "content-length": String(gzipped.length) },
      gzipped,
    );
    const result = await venice.client().retrieve({ model: "m", queue_id: QUEUE_ID });
    if (result.status !== "DONE") throw new Error("expected audio");
    // Content-Length counted the compressed bytes; the decoded audio arrives complete.
    expect(new Uint8Array(await new Response(result.body).arrayBuffer())).toEqual(audio);
  });

  it("times out while waiting for the headers", async () => {
    sim.control.injectFault({ kind: "hang", endpoint: "retrieve" });
    expect(await failure(simClient({ timeoutMs: 50 }).retrieve({ model: "ace-step-15", queue_id: QUEUE_ID }))).toMatchObject({
      code: "TIMEOUT",
      status: 0,
    });
  });

  it("lets a download outlast the request timeout while it keeps moving", async () => {
    const venice = await craftedVenice((_request, res) => {
      res.writeHead(200, { "content-type": "audio/mpeg", "content-length": "1000" });
      let sent = 0;
      const timer = setInterval(() => {
        res.write(new Uint8Array(100));
        if (++sent === 10) {
          clearInterval(timer);
          res.end();
        }
      }, 30); // 300 ms in all: three times the timeout, never idle for long
    });
    const result = await venice.client({ timeoutMs: 100, streamIdleTimeoutMs: 100 }).retrieve({ model: "m", queue_id: QUEUE_ID });
    if (result.status !== "DONE") throw new Error("expected audio");
    expect((await new Response(result.body).arrayBuffer()).byteLength).toBe(1000);
  });

  it("fails the read with TIMEOUT when the download stalls mid-stream", async () => {
    const venice = await craftedVenice((_request, res) => {
      res.writeHead(200, { "content-type": "audio/mpeg", "content-length": "1000" });
      res.write(new Uint8Array(400)); // and nothing more
    });
    const result = await venice.client({ streamIdleTimeoutMs: 100 }).retrieve({ model: "m", queue_id: QUEUE_ID });
    if (result.status !== "DONE") throw new Error("expected audio");
    expect(await failure(new Response(result.body).arrayBuffer())).toMatchObject({ code: "TIMEOUT", status: 0 });
  });
});

describe("balance", () => {
  const rateLimits = (balances: Record<string, number>) => ({ data: { balances, rateLimits: [] } });

  /** Refuses /billing/balance with `status`; answers /api_keys/rate_limits with `limits`. */
  const nonAdminVenice = (status: number, limits: unknown) =>
    craftedVenice((request, res) =>
      request.path.endsWith("/billing/balance")
        ? sendJson(res, status, { error: "Authentication failed" })
        : sendJson(res, limits ? 200 : status, limits ?? { error: "Authentication failed" }),
    );

  it("reads /billing/balance when the key may", async () => {
    expect(await simClient().balance()).toEqual({ usd: STARTING_BALANCE_USD });
    expect(simPaths()).toEqual(["/api/v1/billing/balance"]);
  });

  it.each([401, 403])("falls back to /api_keys/rate_limits after a %i, and remembers", async (status) => {
    const venice = await nonAdminVenice(status, rateLimits({ USD: 50.23, DIEM: 1 }));
    const client = venice.client();
    expect(await client.balance()).toEqual({ usd: 50.23 });
    expect(await client.balance()).toEqual({ usd: 50.23 });
    expect(venice.received.map((request) => request.path)).toEqual([
      "/api/v1/billing/balance",
      "/api/v1/api_keys/rate_limits",
      "/api/v1/api_keys/rate_limits",
    ]);
  });

  it("answers null when neither endpoint is available, and usd null without a USD balance", async () => {
    expect(await (await nonAdminVenice(401, undefined)).client().balance()).toBeNull();
    expect(await (await nonAdminVenice(401, rateLimits({ DIEM: 3 }))).client().balance()).toEqual({ usd: null });
  });

  it("does not hide a Venice outage behind the fallback", async () => {
    sim.control.injectFault({ kind: "error", status: 500, endpoint: "balance" });
    expect(await failure(simClient().balance())).toMatchObject({ code: "SERVER_ERROR", status: 500 });
    expect(simPaths()).toEqual(["/api/v1/billing/balance"]);
  });
});
