// Helpers for the simulator's own tests: real HTTP with the global fetch, no spies.

import { startVeniceSimulator, type VeniceSimulator, type VeniceSimulatorOptions } from "@/lib/venice-sim/server";
import type { RenderFn } from "@/lib/venice-sim/jobs";

// The simulator's tests read any path of any reply's JSON and assert on it: a type per reply
// would only repeat the assertions, so the body stays untyped here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Reply = { status: number; headers: Headers; body: any; bytes?: Buffer };

export type SimClient = {
  sim: VeniceSimulator;
  post(path: string, body: unknown, opts?: { key?: string | null; raw?: string; signal?: AbortSignal }): Promise<Reply>;
  get(path: string, opts?: { key?: string | null }): Promise<Reply>;
  admin(method: string, path: string, body?: unknown, opts?: { key?: string | null }): Promise<Reply>;
  /** Polls retrieve until it stops answering PROCESSING. */
  waitForResult(model: string, queueId: string, opts?: { timeoutMs?: number; intervalMs?: number; deleteMedia?: boolean }): Promise<Reply>;
  /** Queues a job and fails the test when it is not accepted. */
  queue(body: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
};

/** A cheap stand-in renderer: `bytes` bytes starting with a WAV-like tag. */
export function stubRender(bytes = 4096, delayMs = 0): RenderFn & { calls: number } {
  const fn = Object.assign(
    async (input: Parameters<RenderFn>[0]) => {
      fn.calls++;
      if (delayMs > 0) await sleep(delayMs);
      const buf = Buffer.alloc(bytes, 7);
      buf.write(`STUB:${input.format}:${input.seconds}`, 0, "latin1");
      return buf;
    },
    { calls: 0 },
  );
  return fn;
}

async function toReply(res: Response): Promise<Reply> {
  const type = res.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) return { status: res.status, headers: res.headers, body: await res.json() };
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body: undefined, bytes };
}

export async function startSim(opts: VeniceSimulatorOptions = {}): Promise<SimClient> {
  const sim = await startVeniceSimulator({ speed: 200, ...opts });
  const origin = sim.url.replace(/\/api\/v1$/, "");
  const auth = (key: string | null | undefined): Record<string, string> =>
    key === null ? {} : { authorization: `Bearer ${key ?? sim.apiKey}` };

  const client: SimClient = {
    sim,
    async post(path, body, o = {}) {
      const res = await fetch(`${sim.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...auth(o.key) },
        body: o.raw ?? JSON.stringify(body),
        signal: o.signal,
      });
      return toReply(res);
    },
    async get(path, o = {}) {
      return toReply(await fetch(`${sim.url}${path}`, { headers: auth(o.key) }));
    },
    async admin(method, path, body, o = {}) {
      const res = await fetch(`${origin}/_sim${path}`, {
        method,
        headers: { "content-type": "application/json", ...auth(o.key) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return toReply(res);
    },
    async waitForResult(model, queueId, o = {}) {
      const deadline = Date.now() + (o.timeoutMs ?? 20_000);
      for (;;) {
        const reply = await client.post("/audio/retrieve", {
          model,
          queue_id: queueId,
          ...(o.deleteMedia ? { delete_media_on_completion: true } : {}),
        });
        if (!(reply.status === 200 && reply.body?.status === "PROCESSING")) return reply;
        if (Date.now() > deadline) throw new Error(`job ${queueId} still PROCESSING after ${o.timeoutMs ?? 20_000} ms`);
        await sleep(o.intervalMs ?? 20);
      }
    },
    async queue(body) {
      const reply = await client.post("/audio/queue", body);
      if (reply.status !== 200) throw new Error(`queue failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body.queue_id as string;
    },
    close: () => sim.close(),
  };
  return client;
}

/** Limits high enough that a test's many deliberate 4xx answers never trip them. */
export const NO_LIMITS: Pick<VeniceSimulatorOptions, "rateLimits" | "errorBudget"> = {
  rateLimits: { queuePerMinute: 1_000_000, retrievePerMinute: 1_000_000 },
  errorBudget: { maxFailures: 1_000_000 },
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
