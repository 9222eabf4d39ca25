// The Venice key lives only in the studio server's environment. The studio is built and run
// as a real server with a key no other run has, against a simulator that accepts only that
// key; it is then used the way a team would (every page, every GET API, a generation to its
// audio, a share link, an invite) and pushed into every error it can be (a content violation,
// an empty balance, Venice failing, bad input). The key must appear in no response body or
// header, no line the server wrote (at LOG_LEVEL=debug) and no byte of the build, which ran
// with the key in its environment, so a key inlined into a bundle would be found.
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVeniceSimulator, type VeniceSimulator } from "@/lib/venice-sim/server";
import { startStudioServer, type StudioServer } from "../crash/studio-server";
import { apiEndpoints, fillPattern, pagePatterns } from "../support/api-routes";
import { serverBuildFiles } from "../support/build-chunks";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { signUpOverHttp } from "../support/http-session";
import { unusedPort } from "../support/ports";

const VENICE_KEY = `vk-leak-${randomUUID()}`;
// Its own build: start.mjs (build-if-changed.mjs) builds a dist dir without a build in it, with the key in its env.
const DIST_DIR = `.next-leak-${randomBytes(6).toString("hex")}`;
const DRAFT = { model: "stable-audio-25", request: { prompt: "a short test sound of rain on glass", duration_seconds: 10 } };
const ENDED = ["completed", "failed", "expired", "uncertain"];

let database: TestDatabase;
let sim: VeniceSimulator;
let dataDir: string;
let server: StudioServer;
let cookie = "";

/** Every response the studio gave, as the bytes of its status line, headers and body. */
const responses: { what: string; bytes: Buffer }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  sim = await startVeniceSimulator({ port: 0, apiKey: VENICE_KEY, enableFaults: true, speed: 50, balanceUsd: 1_000 });
  dataDir = await mkdtemp(path.join(tmpdir(), "studio-key-leak-"));
  server = await startStudioServer(await unusedPort(), {
    DATABASE_URL: database.url,
    VENICE_API_BASE: sim.url,
    VENICE_API_KEY: VENICE_KEY,
    DATA_DIR: dataDir,
    STORAGE_DIR: path.join(dataDir, "storage"),
    LOG_LEVEL: "debug",
    NEXT_DIST_DIR: DIST_DIR,
  });
}, 320_000);

afterAll(async () => {
  await server?.kill9();
  await sim?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  await rm(DIST_DIR, { recursive: true, force: true });
});

type Answer = { status: number; text: string; json<T = Record<string, unknown>>(): T };

/** A request as the signed-in browser on the studio's page sends it; the response is recorded. */
async function studio(pathname: string, init: RequestInit & { signedOut?: boolean } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (!headers.has("origin")) headers.set("origin", server.url);
  if (cookie && !init.signedOut) headers.set("cookie", cookie);
  if (typeof init.body === "string") headers.set("content-type", "application/json");
  const response = await fetch(`${server.url}${pathname}`, { ...init, headers, redirect: "manual" });
  const body = Buffer.from(await response.arrayBuffer());
  record(`${init.method ?? "GET"} ${pathname}`, response, body);
  const text = body.toString();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

function record(what: string, response: Response, body: Buffer): void {
  const head = [`${response.status} ${response.statusText}`, ...[...response.headers].map(([name, value]) => `${name}: ${value}`)].join("\n");
  responses.push({ what: `${what} → ${response.status}`, bytes: Buffer.concat([Buffer.from(`${head}\n\n`), body]) });
}

const post = (pathname: string, body: unknown, headers: Record<string, string> = {}) =>
  studio(pathname, { method: "POST", body: JSON.stringify(body), headers });

async function submit(draft: typeof DRAFT): Promise<Answer> {
  return post("/api/generations", draft, { "idempotency-key": randomUUID() });
}

async function waitUntilEnded(generationId: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const generation = (await studio(`/api/generations/${generationId}`)).json();
    if (ENDED.includes(generation.status as string)) return generation;
    if (Date.now() > deadline) throw new Error(`generation ${generationId} did not end: ${JSON.stringify(generation)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Reads the events stream (recorded like any response) until `until` settles. */
async function readEventsUntil(until: Promise<unknown>): Promise<void> {
  const aborter = new AbortController();
  const response = await fetch(`${server.url}/api/events`, { headers: { cookie, origin: server.url }, signal: aborter.signal });
  const chunks: Buffer[] = [];
  const reader = response.body!.getReader();
  const reading = (async () => {
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(Buffer.from(read.value));
  })().catch(() => {}); // ends with the abort
  await until.finally(() => aborter.abort());
  await reading;
  record("GET /api/events", response, Buffer.concat(chunks));
}

/** Every page, signed in or out; with `RSC: 1` too, the payload client components receive. */
async function visitEveryPage(valueOf: (name: string) => string, signedOut = false): Promise<void> {
  for (const pattern of pagePatterns()) {
    const { path: pagePath } = fillPattern(pattern, valueOf);
    await studio(pagePath, { signedOut });
    await studio(pagePath, { signedOut, headers: { rsc: "1" } });
  }
}

/** Every GET route of app/api, with the ids `valueOf` gives. */
async function getEveryApiRoute(valueOf: (name: string, pattern: string) => string, signedOut = false): Promise<void> {
  for (const { method, pattern } of await apiEndpoints()) {
    if (method !== "GET" || pattern === "/api/events") continue; // the stream: readEventsUntil
    const { path: apiPath } = fillPattern(pattern, (name) => valueOf(name, pattern));
    await studio(apiPath, { signedOut });
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the Venice key stays in the server's environment", () => {
  it("serves a team's whole day, errors included", async () => {
    const madeUp = (name: string) => (name === "all" ? "get-session" : randomUUID());
    await visitEveryPage(madeUp, true);
    await getEveryApiRoute(madeUp, true);

    cookie = await signUpOverHttp(server.url, database.url);
    await visitEveryPage(madeUp);
    await getEveryApiRoute(madeUp);

    // A generation, from the quote to its stored audio, with the events stream open meanwhile.
    expect((await post("/api/quote", DRAFT)).status).toBe(200);
    const accepted = await submit(DRAFT);
    expect(accepted.status).toBe(202);
    const generationId = accepted.json<{ generations: { id: string }[] }>().generations[0]!.id;
    const ended = waitUntilEnded(generationId);
    await readEventsUntil(ended);
    const generation = await ended;
    expect(generation.status).toBe("completed");
    const trackId = generation.trackId as string;
    expect((await studio(`/api/tracks/${trackId}/audio`)).status).toBe(200);
    expect((await studio(`/api/tracks/${trackId}/audio?download=1`)).status).toBe(200);
    expect((await studio(`/api/tracks/${trackId}/audio`, { headers: { range: "bytes=0-99" } })).status).toBe(206);
    expect((await studio(`/api/tracks/${trackId}/peaks`)).status).toBe(200);

    // A share link and an invite: their pages and APIs, with real tokens.
    const share = await post(`/api/tracks/${trackId}/shares`, {});
    expect(share.status).toBe(201);
    const shareToken = new URL(share.json<{ url: string }>().url).pathname.split("/").pop()!;
    const invite = await post("/api/team/invites", { role: "member" });
    expect(invite.status).toBe(201);
    const inviteUrl = new URL(invite.json<{ url: string }>().url);
    await studio(`${inviteUrl.pathname}${inviteUrl.search}`, { signedOut: true });

    const real = (name: string, pattern: string) =>
      name === "token" ? shareToken : name === "all" ? "get-session" : pattern.startsWith("/api/generations") ? generationId : trackId;
    await visitEveryPage((name) => real(name, ""));
    await visitEveryPage((name) => real(name, ""), true);
    await getEveryApiRoute(real);
    await getEveryApiRoute(real, true);
    await studio("/api/generations?active=1");
    for (const status of ["failed", "expired", "uncertain"]) await studio(`/api/tracks?status=${status}`);

    // Errors: the studio's own 400, Venice refusing the prompt (422) or failing the job, Venice
    // answering 500, 503 and 429, and an empty balance (402).
    expect((await post("/api/quote", { model: DRAFT.model, request: { prompt: "" } })).status).toBe(400);
    expect((await studio("/api/generations", { method: "POST", body: "{not json" })).status).toBe(400);
    for (const marker of ["[sim:violation]", "[sim:fail]", "[sim:invalid-late]"]) {
      const refused = await submit({ ...DRAFT, request: { ...DRAFT.request, prompt: `${DRAFT.request.prompt} ${marker}` } });
      expect(refused.status).toBe(202);
      const failed = await waitUntilEnded(refused.json<{ generations: { id: string }[] }>().generations[0]!.id);
      expect(failed.status).toBe("failed");
    }
    for (const [status, answered] of [[500, 502], [503, 503], [429, 503]] as const) {
      sim.control.injectFault({ kind: "error", status, endpoint: "quote", count: 10 });
      // Venice's side: a 502, or 503 while Venice is busy, with Venice's user-facing message
      // (lib/errors.ts), not a 500. Only a real build shows this right: there the worker
      // and each route are separate bundles that share one Venice client, so its errors come
      // from another bundle's VeniceError class.
      expect((await post("/api/quote", DRAFT)).status).toBe(answered);
      sim.control.clearFaults();
    }
    sim.control.setBalance(0);
    expect((await submit(DRAFT)).status).toBe(402);
    await getEveryApiRoute(real);
  }, 180_000);

  it("sent the key to Venice: calls that need it were answered", () => {
    // The simulator answers 401 to any other key, and its request log never records headers.
    const authorized = sim.control.requests().filter((call) => ["queue", "retrieve", "complete", "balance"].includes(call.endpoint ?? "") && call.status === 200);
    expect(authorized.length).toBeGreaterThan(0);
    expect(sim.control.requests().filter((call) => call.status === 401)).toEqual([]);
  });

  it("is in no response, body or header", () => {
    expect(responses.length).toBeGreaterThan(50);
    expect(responses.filter(({ bytes }) => bytes.includes(VENICE_KEY)).map(({ what }) => what)).toEqual([]);
  });

  it("is in no line the server wrote, at debug level", async () => {
    // Let the last lines of the last requests arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const output = server.output();
    // The Venice failures above were logged, with their details.
    expect(output).toContain(`"name":"VeniceError"`);
    const lines = output.split("\n").filter((line) => line.includes(VENICE_KEY));
    expect(lines).toEqual([]);
  });

  it("is in no file of the build", () => {
    const files = filesUnder(DIST_DIR);
    expect(files).toContain(path.join(DIST_DIR, "BUILD_ID"));
    expect(files.filter((file) => readFileSync(file).includes(VENICE_KEY))).toEqual([]);
  });
});

// This build runs with a real key, so the simulator must not be part of what it loads: only
// demo mode's import() in lib/venice-target.ts loads it (tests/architecture/import-rules.test.ts
// checks that in the sources; this checks what the bundler made of it).
describe("the simulator stays out of a server with a real key", () => {
  it("is only in chunks of its own, which no route, page or instrumentation loads at once", () => {
    const files = serverBuildFiles(DIST_DIR);
    const simulatorChunks = new Set(files.filter(({ sources }) => sources.some((source) => source.startsWith("lib/venice-sim/"))).map(({ file }) => file));
    // Demo mode needs it in the build; none found would also mean the source maps are missing.
    expect(simulatorChunks.size).toBeGreaterThan(0);
    // The studio's own code (the simulator shares lib/audio) is never in a chunk with it.
    const studioCode = (source: string) => /^(app|components|lib)\/|^(instrumentation|proxy)\.ts$/.test(source) && !/^lib\/(venice-sim|audio)\//.test(source);
    const studioInSimulatorChunks = files
      .filter(({ file }) => simulatorChunks.has(file))
      .flatMap(({ file, sources }) => sources.filter(studioCode).map((source) => `${file}: ${source}`));
    expect(studioInSimulatorChunks).toEqual([]);
    // Entries name the chunks they load at start; a dynamic import's chunks are named only in
    // the chunk that holds its loader.
    const entriesLoadingIt = files.filter(({ file, chunks }) => !file.startsWith("server/chunks/") && chunks.some((chunk) => simulatorChunks.has(chunk)));
    expect(entriesLoadingIt.map(({ file }) => file)).toEqual([]);
  });
});
