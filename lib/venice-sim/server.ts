// The Venice stand-in: a plain Node http server answering Venice's async audio API under
// /api/v1 (routing, auth, JSON, rate limits, fault injection, the request log), plus the
// /_sim/* admin endpoints. The endpoint logic lives in handlers.ts.
//
// Per call, in this order:
//   route (unknown path 404, wrong method 405) -> read body -> log it -> auth (401) ->
//   JSON (400) -> injected fault (429/500/503/hang) -> error-budget lockout (429) ->
//   request rate limit, queue/retrieve only (429) -> handler -> count a 4xx failure
//   against the error budget -> send (audio streamed; maybe truncated) -> log the status.
//
// Auth: every endpoint takes `Authorization: Bearer <key>`. GET /models and POST
// /audio/quote also work without a key (Venice: a key only widens what they show), but a
// key that is present and wrong is still a 401 there.
//
// With `stateDir`, the jobs, balance and key are saved there (state.ts) after every call that
// changed them, before it is answered, and a simulator started on the same directory carries
// on with them: a restart loses no job, as Venice loses none when a client restarts.

import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { renderTrack } from "./audio/render";
import { Wallet } from "./billing";
import { SIM_MODELS, type SimModel } from "./catalog";
import { json, type Answer, type RateLimits, type SimContext } from "./context";
import { createControl, handleAdmin, type SimControl } from "./control";
import { AUTH_FAILED, AT_CAPACITY, INFERENCE_FAILED, RATE_LIMITED, invalidRequest } from "./errors";
import { FaultQueue, type ErrorFault, type HangFault, type SimEndpoint } from "./faults";
import { handleBalance, handleComplete, handleModels, handleQueue, handleQuote, handleRateLimits, handleRetrieve } from "./handlers";
import { JobStore, type RenderFn } from "./jobs";
import { DEFAULT_ERROR_BUDGET, ErrorBudget, RollingWindowLimiter, type ErrorBudgetOptions } from "./rate-limit";
import { RequestLog, type RequestLogEntry } from "./request-log";
import { openStateFile, type SavedState } from "./state";
import { createRng } from "./timing";

export type VeniceSimulatorOptions = {
  /** 0 = a random free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The one valid key. Default: "sim-" + random hex. */
  apiKey?: string;
  /** Time scale: 20 = jobs finish 20x faster. Default 1. */
  speed?: number;
  /** Starting balance, USD. Default 100. */
  balanceUsd?: number;
  /** Fault injection: /_sim admin mutations and [sim:*] prompt markers. Default false. */
  enableFaults?: boolean;
  /** Per key, per rolling minute. Default 40 queue / 120 retrieve. */
  rateLimits?: RateLimits;
  /** The rolling window of `rateLimits`, ms. Default 60 000. */
  rateLimitWindowMs?: number;
  /** Venice's failed-4xx budget. Default: > 50 failures in 30 s locks key+model out for 30 s. */
  errorBudget?: Partial<ErrorBudgetOptions>;
  /** Seed for job durations and audio lengths (reproducible runs). Default: random. */
  seed?: number;
  /** The catalog. Default SIM_MODELS (tests may add e.g. offline or voice-changer models). */
  models?: SimModel[];
  /**
   * The audio renderer. Default: renderTrack, which runs on the main thread but yields to the
   * event loop every few milliseconds (audio/cooperative.ts), so retrieves stay fast during a
   * long render.
   */
  render?: RenderFn;
  /** Renders running at once. Default 2. */
  renderConcurrency?: number;
  /** Finished media expires after this long, ms. Default 24 h. */
  mediaRetentionMs?: number;
  /**
   * A directory (made 0700) to keep the jobs, balance and key in across restarts. A saved
   * key and balance win over the defaults; `apiKey`, when given, wins over the saved key.
   * Default: none, everything is in memory.
   */
  stateDir?: string;
  logger?: (line: object) => void;
};

export type VeniceSimulator = {
  /** Base URL, e.g. http://127.0.0.1:PORT/api/v1 */
  url: string;
  apiKey: string;
  control: SimControl;
  close(): Promise<void>;
};

export type { SimControl };

const API_PREFIX = "/api/v1";
const MAX_BODY_BYTES = 1024 * 1024;
const AUDIO_CHUNK_BYTES = 64 * 1024;

type Route = {
  endpoint: SimEndpoint;
  method: "GET" | "POST";
  keyOptional?: boolean;
  handle: (ctx: SimContext, body: unknown, query: URLSearchParams) => Answer;
};

const ROUTES: Record<string, Route> = {
  "/models": { endpoint: "models", method: "GET", keyOptional: true, handle: (ctx, _body, query) => handleModels(ctx, query) },
  "/audio/quote": { endpoint: "quote", method: "POST", keyOptional: true, handle: handleQuote },
  "/audio/queue": { endpoint: "queue", method: "POST", handle: handleQueue },
  "/audio/retrieve": { endpoint: "retrieve", method: "POST", handle: handleRetrieve },
  "/audio/complete": { endpoint: "complete", method: "POST", handle: handleComplete },
  "/billing/balance": { endpoint: "balance", method: "GET", handle: handleBalance },
  "/api_keys/rate_limits": { endpoint: "rate_limits", method: "GET", handle: handleRateLimits },
};

function readBody(req: http.IncomingMessage): Promise<{ text: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve({ text: Buffer.concat(chunks).toString("utf8"), tooLarge }));
    req.on("error", reject);
  });
}

function bearer(req: http.IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match ? match[1]!.trim() : "";
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** Streams the audio in chunks, honouring backpressure; `truncateAt` cuts the socket. */
function sendAudio(res: http.ServerResponse, answer: Extract<Answer, { kind: "audio" }>, truncateAt?: number): void {
  const { audio } = answer;
  res.writeHead(200, {
    ...answer.headers,
    "content-type": answer.contentType,
    "content-length": String(audio.length),
  });
  const end = truncateAt ?? audio.length;
  let offset = 0;
  const pump = (): void => {
    while (offset < end) {
      const chunk = audio.subarray(offset, Math.min(offset + AUDIO_CHUNK_BYTES, end));
      offset += chunk.length;
      const last = offset >= end;
      if (last && truncateAt !== undefined) {
        res.write(chunk, () => res.destroy());
        return;
      }
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
    if (truncateAt !== undefined) res.destroy();
    else res.end();
  };
  pump();
}

function rateHeaders(decision: { limit: number; remaining: number; resetAtMs: number }): Record<string, string> {
  return {
    "x-ratelimit-limit-requests": String(decision.limit),
    "x-ratelimit-remaining-requests": String(decision.remaining),
    "x-ratelimit-reset-requests": String(Math.ceil(decision.resetAtMs / 1000)),
  };
}

function faultAnswer(fault: ErrorFault): Answer {
  switch (fault.status) {
    case 429: {
      const retry = fault.retryAfterSeconds ?? 2;
      return json(429, { error: fault.message ?? RATE_LIMITED }, { "retry-after": String(retry) });
    }
    case 500:
      return json(500, { error: fault.message ?? INFERENCE_FAILED });
    case 503:
      return json(503, { error: fault.message ?? AT_CAPACITY });
  }
}
/** What the requests of one running simulator share: its state, its admin control and the timers of answers it holds back. */
type Sim = { ctx: SimContext; control: SimControl; delays: Set<NodeJS.Timeout> };

export async function startVeniceSimulator(opts: VeniceSimulatorOptions = {}): Promise<VeniceSimulator> {
  const speed = opts.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`speed must be a positive number, got ${speed}`);
  const logger = opts.logger;
  const stateFile = opts.stateDir === undefined ? undefined : openStateFile(opts.stateDir, logger);
  const saved = stateFile?.load();
  let closed = false;
  const ctx = createContext(opts, speed, saved, (current) => {
    if (!closed) stateFile?.save({ version: 1, apiKey: current.apiKey, balanceMicros: current.wallet.balanceMicros, ...current.jobs.snapshot() });
  });
  ctx.persist(); // a new directory gets its key at once
  const sim: Sim = { ctx, control: createControl(ctx), delays: new Set() };

  const server = http.createServer((req, res) => {
    onRequest(sim, req, res).catch((error: unknown) => {
      logger?.({ msg: "venice-sim internal error", error: String(error) });
      sendJson(res, 500, { error: INFERENCE_FAILED });
    });
  });
  server.keepAliveTimeout = 5_000;
  const baseUrl = await listen(server, opts.host ?? "127.0.0.1", opts.port ?? 0);
  logger?.({ msg: "venice-sim listening", url: baseUrl, speed, faults: ctx.enableFaults, restoredJobs: saved?.jobs.length ?? 0 });

  return {
    url: baseUrl,
    apiKey: ctx.apiKey,
    control: sim.control,
    close: async () => {
      if (closed) return;
      ctx.persist();
      closed = true; // from here on, clearing the memory must not clear the saved state
      for (const timer of sim.delays) clearTimeout(timer);
      sim.delays.clear();
      ctx.jobs.reset();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The simulator's state from the options and what a state directory saved; `save` persists it. */
function createContext(opts: VeniceSimulatorOptions, speed: number, saved: SavedState | undefined, save: (ctx: SimContext) => void): SimContext {
  const logger = opts.logger;
  const apiKey = opts.apiKey ?? saved?.apiKey ?? `sim-${randomBytes(16).toString("hex")}`;
  const models = opts.models ?? SIM_MODELS;
  const startingBalanceUsd = opts.balanceUsd ?? 100;
  const wallet = new Wallet(startingBalanceUsd);
  if (saved) wallet.restoreMicros(saved.balanceMicros);

  const ctx: SimContext = {
    apiKey,
    speed,
    enableFaults: opts.enableFaults ?? false,
    models,
    modelIndex: new Map(models.map((m) => [m.id, m])),
    startingBalanceUsd,
    wallet,
    jobs: new JobStore({
      wallet,
      render: opts.render ?? renderTrack,
      renderConcurrency: opts.renderConcurrency,
      mediaRetentionMs: opts.mediaRetentionMs,
      onRenderError: (jobId, error) => logger?.({ msg: "venice-sim render failed", queue_id: jobId, error: String(error) }),
    }),
    faults: new FaultQueue(),
    log: new RequestLog(),
    rateLimits: opts.rateLimits ?? { queuePerMinute: 40, retrievePerMinute: 120 },
    rateLimiter: new RollingWindowLimiter(opts.rateLimitWindowMs ?? 60_000),
    errorBudget: new ErrorBudget({ ...DEFAULT_ERROR_BUDGET, ...opts.errorBudget }),
    rng: createRng(opts.seed ?? randomBytes(4).readUInt32LE(0)),
    persist: () => save(ctx),
    logger,
  };
  if (saved) ctx.jobs.restore(saved, ctx.modelIndex);
  return ctx;
}

/** Listens on `host:port` (0: a free port) and answers the API's base URL. */
async function listen(server: http.Server, host: string, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return `http://${urlHost}:${address.port}${API_PREFIX}`;
}

async function onRequest({ ctx, control, delays }: Sim, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const startedAt = Date.now();
  const url = new URL(req.url ?? "/", "http://sim.local");
  const method = (req.method ?? "GET").toUpperCase();
  const { text, tooLarge } = await readBody(req);

  if (url.pathname === "/_sim" || url.pathname.startsWith("/_sim/")) return answerAdmin(ctx, control, req, res, method, url.pathname, text);

  // --- the Venice API ---
  const route = url.pathname.startsWith(`${API_PREFIX}/`) ? ROUTES[url.pathname.slice(API_PREFIX.length).replace(/\/+$/, "")] : undefined;
  const entry = ctx.log.start({ method, path: url.pathname + url.search, endpoint: route?.endpoint, body: loggedBody(text) });

  if (!route) return deliver(ctx, res, entry, json(404, { error: `Not found: ${method} ${url.pathname}` }), startedAt);
  if (method !== route.method) {
    return deliver(ctx, res, entry, json(405, { error: `Method ${method} not allowed` }, { allow: route.method }), startedAt);
  }

  const presented = bearer(req);
  if (presented === undefined ? !route.keyOptional : presented !== ctx.apiKey) {
    return deliver(ctx, res, entry, json(401, { error: AUTH_FAILED }), startedAt);
  }
  const key = presented; // undefined: an anonymous models/quote call

  let body: unknown = undefined;
  if (route.method === "POST") {
    if (tooLarge) return deliver(ctx, res, entry, json(413, { error: "Request body too large" }), startedAt);
    try {
      body = JSON.parse(text);
    } catch {
      const bad = invalidRequest([{ field: null, message: "Request body must be valid JSON" }]);
      const answer = json(400, { ...bad.body, error: "Invalid JSON in request body" });
      if (key !== undefined) ctx.errorBudget.recordFailure(`${key}\u0000`);
      return deliver(ctx, res, entry, answer, startedAt);
    }
  }

  const fault: ErrorFault | HangFault | undefined = ctx.faults.takeForRequest(route.endpoint);
  if (fault?.kind === "error") {
    entry.fault = "error";
    return deliver(ctx, res, entry, faultAnswer(fault), startedAt);
  }
  let executed: Answer | undefined;
  if (fault?.kind === "hang") {
    entry.fault = "hang";
    // With `execute`, the call takes effect now (a queued job is charged) whatever the
    // client later receives: a lost or late response.
    if (fault.execute) executed = execute(ctx, route, key, body, url.searchParams);
    ctx.logger?.({ msg: "venice-sim request hung", method, path: entry.path, ms: fault.ms ?? "forever" });
    if (fault.ms === undefined) return; // never answer; close() or the client ends it
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer);
        resolve();
      }, fault.ms);
      delays.add(timer);
    });
    if (res.destroyed || !res.socket || res.socket.destroyed) return; // the client gave up
    if (fault.close) {
      res.destroy(); // the connection drops without an answer
      return;
    }
  }

  deliver(ctx, res, entry, executed ?? execute(ctx, route, key, body, url.searchParams), startedAt);
}

/** The /_sim admin endpoints: not logged, key required. */
function answerAdmin(ctx: SimContext, control: SimControl, req: http.IncomingMessage, res: http.ServerResponse, method: string, path: string, text: string): void {
  if (bearer(req) !== ctx.apiKey) return sendJson(res, 401, { error: AUTH_FAILED });
  let body: unknown;
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      return sendJson(res, 400, { error: "Invalid JSON body" });
    }
  }
  const answer = handleAdmin(ctx, control, method, path, body);
  if (answer.kind === "json") sendJson(res, answer.status, answer.body, answer.headers);
}

/** A request body as the request log keeps it: parsed JSON, else the text (cut at 2000 characters). */
function loggedBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  }
}

/** Runs the call past auth: lockout, rate limit, handler; counts 4xx failures. */
function execute(ctx: SimContext, route: Route, key: string | undefined, body: unknown, query: URLSearchParams): Answer {
  ctx.jobs.sweep();
  const model = typeof (body as { model?: unknown } | undefined)?.model === "string" ? (body as { model: string }).model : "";
  const budgetKey = key !== undefined && route.method === "POST" ? `${key}\u0000${model}` : undefined;

  if (budgetKey) {
    const locked = ctx.errorBudget.lockedForSeconds(budgetKey);
    if (locked > 0) {
      const { maxFailures, lockoutMs } = ctx.errorBudget.options;
      return json(
        429,
        {
          error: `Too many failed attempts (> ${maxFailures}) resulting in a non-success status code. Please wait ${Math.round(lockoutMs / 1000)}s and try again.`,
        },
        { "retry-after": String(locked) },
      );
    }
  }

  let limitHeaders: Record<string, string> = {};
  if (key !== undefined && (route.endpoint === "queue" || route.endpoint === "retrieve")) {
    const limit = route.endpoint === "queue" ? ctx.rateLimits.queuePerMinute : ctx.rateLimits.retrievePerMinute;
    const decision = ctx.rateLimiter.take(`${key}\u0000${route.endpoint}`, limit);
    limitHeaders = rateHeaders(decision);
    if (!decision.allowed) {
      return json(429, { error: RATE_LIMITED }, { ...limitHeaders, "retry-after": String(decision.retryAfterSeconds) });
    }
  }

  const answer = route.handle(ctx, body, query);
  ctx.persist(); // before the answer: a job Venice accepted must survive a crash right after
  if (budgetKey && answer.kind === "json" && answer.status >= 400 && answer.status < 500 && answer.status !== 429) {
    ctx.errorBudget.recordFailure(budgetKey);
  }
  return { ...answer, headers: { ...limitHeaders, ...answer.headers } };
}

/** Sends the answer (audio maybe truncated by a fault), noting its status in the request log. */
function deliver(ctx: SimContext, res: http.ServerResponse, entry: RequestLogEntry | undefined, answer: Answer, startedAt: number): void {
  if (res.destroyed) return;
  if (entry) {
    entry.status = answer.kind === "json" ? answer.status : 200;
    entry.durationMs = Date.now() - startedAt;
  }
  if (answer.kind === "json") {
    sendJson(res, answer.status, answer.body, answer.headers);
  } else {
    const truncate = ctx.faults.takeForAudio();
    if (entry) {
      entry.contentType = answer.contentType;
      if (truncate) entry.fault = "truncate";
    }
    const cut = truncate ? Math.floor(answer.audio.length * (truncate.fraction ?? 0.5)) : undefined;
    sendAudio(res, answer, cut);
  }
  ctx.logger?.({
    msg: "venice-sim request",
    method: entry?.method,
    path: entry?.path,
    status: entry?.status,
    ms: entry?.durationMs,
    ...(entry?.fault ? { fault: entry.fault } : {}),
  });
}
