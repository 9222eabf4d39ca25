// The client's transport rules, driven through a stub fetch: headers, timeouts, schema
// checks, streaming, the balance fallback. Real-HTTP tests against the simulator are in
// client.test.ts.
import { describe, expect, it } from "vitest";
import { createVeniceClient, type VeniceClientOptions } from "./client";
import { VeniceError } from "./errors";

const API_KEY = "venice-secret-key-123";
const QUEUE_ID = "3f0c2b9e-8d41-4c6a-9f7e-2a5b1c0d9e8f";

type Call = { url: URL; method: string; headers: Headers; body: unknown };

function stubClient(
  answer: (call: Call, signal: AbortSignal | undefined) => Response | Promise<Response>,
  options: Partial<VeniceClientOptions> = {},
) {
  const calls: Call[] = [];
  const client = createVeniceClient({
    baseUrl: "https://venice.test/api/v1/",
    apiKey: API_KEY,
    ...options,
    fetchImpl: async (input, init) => {
      const call = {
        url: new URL(String(input)),
        method: init?.method ?? "GET",
        headers: new Headers(init?.headers),
        body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
      };
      calls.push(call);
      return answer(call, init?.signal ?? undefined);
    },
  });
  return { client, calls };
}

/** Never answers, but rejects like fetch when the signal aborts. */
function hangUntilAborted(signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));
}

async function failure(promise: Promise<unknown>): Promise<VeniceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VeniceError);
  return error as VeniceError;
}

const audioHeaders = (extra: Record<string, string> = {}) => ({ "content-type": "audio/mpeg", ...extra });

describe("requests", () => {
  it("sends a Bearer key, JSON bodies to POST endpoints and GET for the model list", async () => {
    const { client, calls } = stubClient(({ url }) =>
      url.pathname.endsWith("/models")
        ? Response.json({ object: "list", data: [] })
        : Response.json({ model: "ace-step-15", queue_id: QUEUE_ID, status: "QUEUED" }),
    );
    await client.listMusicModels();
    await client.queue({ model: "ace-step-15", prompt: "A calm piano piece", duration_seconds: 60 });

    expect(calls[0]).toMatchObject({ method: "GET", body: undefined });
    expect(calls[0]!.url.href).toBe("https://venice.test/api/v1/models?type=music");
    expect(calls[1]!.url.href).toBe("https://venice.test/api/v1/audio/queue");
    expect(calls[1]).toMatchObject({ method: "POST", body: { model: "ace-step-15", prompt: "A calm piano piece", duration_seconds: 60 } });
    expect(calls[1]!.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
    expect(calls[1]!.headers.get("content-type")).toBe("application/json");
  });

  it("refuses to send a body that breaks Venice's request schema", async () => {
    const { client, calls } = stubClient(() => Response.json({ quote: 1 }));
    await expect(client.quote({ model: "ace-step-15", character_count: 0 })).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });
});

describe("answers", () => {
  it("maps an HTTP error through the status table and keeps the key out of it", async () => {
    const { client } = stubClient(() => Response.json({ error: `Invalid key ${API_KEY}` }, { status: 401 }));
    const error = await failure(client.quote({ model: "ace-step-15" }));
    expect(error).toMatchObject({ code: "UNAUTHORIZED", status: 401, retryable: false });
    expect(error.message).not.toContain(API_KEY);
    expect(error.userMessage).not.toContain(API_KEY);
  });

  it("tolerates extra fields but rejects an answer that breaks its schema", async () => {
    const ok = stubClient(() => Response.json({ quote: 0.42, currency: "USD" }));
    expect(await ok.client.quote({ model: "ace-step-15" })).toBe(0.42);

    const wrong = stubClient(() => Response.json({ quote: "0.42" }));
    expect(await failure(wrong.client.quote({ model: "ace-step-15" }))).toMatchObject({ code: "INVALID_RESPONSE", status: 200 });

    const notJson = stubClient(() => new Response("<html>oops</html>", { status: 200 }));
    expect(await failure(notJson.client.complete({ model: "m", queue_id: QUEUE_ID }))).toMatchObject({ code: "INVALID_RESPONSE" });
  });

  it("turns a failed connection into NETWORK", async () => {
    const { client } = stubClient(() => Promise.reject(new TypeError("fetch failed")));
    expect(await failure(client.queue({ model: "m", prompt: "p" }))).toMatchObject({ code: "NETWORK", status: 0, retryable: true });
  });

  it("times out a JSON call that never answers", async () => {
    const { client } = stubClient((_call, signal) => hangUntilAborted(signal), { timeoutMs: 50 });
    expect(await failure(client.quote({ model: "m" }))).toMatchObject({ code: "TIMEOUT", status: 0, retryable: true });
  });

  it("times out a JSON call whose body never finishes", async () => {
    const { client } = stubClient(
      (_call, signal) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"quote":'));
              signal?.addEventListener("abort", () => controller.error(signal.reason));
            },
          }),
          { headers: { "content-type": "application/json" } },
        ),
      { timeoutMs: 50 },
    );
    expect(await failure(client.quote({ model: "m" }))).toMatchObject({ code: "TIMEOUT" });
  });
});

describe("retrieve", () => {
  it("reports PROCESSING with both times", async () => {
    const { client } = stubClient(() =>
      Response.json({ status: "PROCESSING", average_execution_time: 30000, execution_duration: 1200 }),
    );
    expect(await client.retrieve({ model: "ace-step-15", queue_id: QUEUE_ID })).toEqual({
      status: "PROCESSING",
      averageExecutionTime: 30000,
      executionDuration: 1200,
    });
  });

  it("rejects a JSON answer that is not PROCESSING", async () => {
    const { client } = stubClient(() => Response.json({ status: "FAILED" }));
    expect(await failure(client.retrieve({ model: "m", queue_id: QUEUE_ID }))).toMatchObject({ code: "INVALID_RESPONSE" });
  });

  it("streams finished audio with its format, length and Venice headers", async () => {
    const bytes = new Uint8Array(1000).fill(3);
    const { client } = stubClient(
      () =>
        new Response(bytes, {
          headers: audioHeaders({ "content-length": "1000", "x-venice-inference-time": "12.5", "x-venice-audio-duration": "87" }),
        }),
    );
    const result = await client.retrieve({ model: "seed-audio-1-0", queue_id: QUEUE_ID });
    if (result.status !== "DONE") throw new Error("expected audio");
    expect(result).toMatchObject({
      contentType: "audio/mpeg",
      format: "mp3",
      contentLength: 1000,
      inferenceTimeSeconds: 12.5,
      audioDurationSeconds: 87,
    });
    expect(new Uint8Array(await new Response(result.body).arrayBuffer())).toEqual(bytes);
  });

  it.each([
    ["audio/wav", {}, "wav"],
    ["audio/flac; charset=binary", {}, "flac"],
    ["application/octet-stream", { "x-venice-audio-format": "FLAC" }, "flac"],
  ])("reads the format of %s", async (contentType, extra, format) => {
    const { client } = stubClient(() => new Response(new Uint8Array(4), { headers: { "content-type": contentType, ...extra } }));
    expect(await client.retrieve({ model: "m", queue_id: QUEUE_ID })).toMatchObject({ status: "DONE", format });
  });

  it("refuses an answer that is neither JSON nor audio", async () => {
    const { client } = stubClient(() => new Response("hello", { headers: { "content-type": "text/plain" } }));
    expect(await failure(client.retrieve({ model: "m", queue_id: QUEUE_ID }))).toMatchObject({ code: "INVALID_RESPONSE" });
  });

  it("ignores Content-Length when the body is content-encoded", async () => {
    const { client } = stubClient(
      () => new Response(new Uint8Array(10), { headers: audioHeaders({ "content-length": "4", "content-encoding": "identity" }) }),
    );
    expect(await client.retrieve({ model: "m", queue_id: QUEUE_ID })).toMatchObject({ contentLength: undefined });
  });

  it("times out while waiting for the headers", async () => {
    const { client } = stubClient((_call, signal) => hangUntilAborted(signal), { timeoutMs: 50 });
    expect(await failure(client.retrieve({ model: "m", queue_id: QUEUE_ID }))).toMatchObject({ code: "TIMEOUT" });
  });

  it("lets a download outlast the request timeout while it keeps moving", async () => {
    const { client } = stubClient(
      () => {
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (sent === 8) return controller.close();
            await new Promise((resolve) => setTimeout(resolve, 25));
            sent += 1;
            controller.enqueue(new Uint8Array(100));
          },
        });
        return new Response(body, { headers: audioHeaders({ "content-length": "800" }) });
      },
      { timeoutMs: 60, streamIdleTimeoutMs: 60 },
    );
    const result = await client.retrieve({ model: "m", queue_id: QUEUE_ID });
    if (result.status !== "DONE") throw new Error("expected audio");
    expect((await new Response(result.body).arrayBuffer()).byteLength).toBe(800);
  });

  it("fails the read with TRUNCATED when the body is shorter than Content-Length", async () => {
    const { client } = stubClient(() => new Response(new Uint8Array(500), { headers: audioHeaders({ "content-length": "1000" }) }));
    const result = await client.retrieve({ model: "m", queue_id: QUEUE_ID });
    if (result.status !== "DONE") throw new Error("expected audio");
    expect(await failure(new Response(result.body).arrayBuffer())).toMatchObject({ code: "TRUNCATED" });
  });
});

describe("balance", () => {
  const billing = (usd: number | null) =>
    Response.json({ canConsume: true, consumptionCurrency: "USD", balances: { usd, diem: null }, diemEpochAllocation: 0 });
  const rateLimits = (balances: Record<string, number>) => Response.json({ data: { balances, rateLimits: [] } });
  const refused = (status: number) => Response.json({ error: "Authentication failed" }, { status });

  it("reads /billing/balance when the key may", async () => {
    const { client, calls } = stubClient(() => billing(25));
    expect(await client.balance()).toEqual({ usd: 25 });
    expect(calls.map((call) => call.url.pathname)).toEqual(["/api/v1/billing/balance"]);
  });

  it.each([401, 403])("falls back to /api_keys/rate_limits after a %i, and remembers", async (status) => {
    const { client, calls } = stubClient(({ url }) => (url.pathname.endsWith("/billing/balance") ? refused(status) : rateLimits({ USD: 50.23, DIEM: 1 })));
    expect(await client.balance()).toEqual({ usd: 50.23 });
    expect(await client.balance()).toEqual({ usd: 50.23 });
    expect(calls.map((call) => call.url.pathname)).toEqual([
      "/api/v1/billing/balance",
      "/api/v1/api_keys/rate_limits",
      "/api/v1/api_keys/rate_limits",
    ]);
  });

  it("answers null when neither endpoint is available, and usd null without a USD balance", async () => {
    expect(await stubClient(() => refused(401)).client.balance()).toBeNull();
    const noUsd = stubClient(({ url }) => (url.pathname.endsWith("/billing/balance") ? refused(401) : rateLimits({ DIEM: 3 })));
    expect(await noUsd.client.balance()).toEqual({ usd: null });
  });

  it("does not hide a Venice outage behind the fallback", async () => {
    const { client, calls } = stubClient(() => Response.json({ error: "Inference processing failed" }, { status: 500 }));
    expect(await failure(client.balance())).toMatchObject({ code: "SERVER_ERROR" });
    expect(calls).toHaveLength(1);
  });
});
