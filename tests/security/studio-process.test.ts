// The studio as `npm start` runs it, a supervisor or a container runtime in charge: what its
// front door does on the real server (forged client addresses, other host names, declared
// giant bodies, Content-Length through Next.js), and a stop: one SIGTERM (or SIGINT) to the
// process npm started must stop every process of the studio (npm, the server, the embedded
// PostgreSQL) within 10 s, exit 0, and hand back the job in progress so that it completes
// after the next start. Before the fix npm exited and the rest kept serving.
import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from "@/lib/auth/auth";
import { TEST_PASSWORD } from "../support/members";
import { unusedPort } from "../support/ports";
import { startStudioServer, type StudioServer } from "../crash/studio-server";

const STOP_LIMIT_MS = 10_000;
// The first start may build the studio (startStudioServer waits as long).
const START_TIMEOUT_MS = 300_000;

let dataDir: string;
let port: number;
let pgPort: number;
let running: StudioServer | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "studio-stop-"));
  port = await unusedPort();
  pgPort = await unusedPort();
});

afterAll(async () => {
  await running?.kill9();
  await rm(dataDir, { recursive: true, force: true });
});

/** `npm start` in demo mode with its own embedded PostgreSQL; resolves once it is healthy. */
async function npmStart(): Promise<StudioServer> {
  running = await startStudioServer(
    port,
    // A job takes Venice about 2 s at this speed: the stop lands while it is in progress.
    { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), SIM_SPEED: "4", LOG_LEVEL: "info" },
    { viaNpm: true },
  );
  return running;
}

/** Every process descended from `pid`, read from /proc. */
function descendantsOf(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      // The parent pid is the 2nd field after the parenthesised command name.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const found = [pid];
  for (let index = 0; index < found.length; index++) {
    for (const [child, parent] of parentOf) if (parent === found[index]) found.push(child);
  }
  return found;
}

function isRunning(pid: number): boolean {
  try {
    // A zombie has exited: only its entry remains until its parent reaps it.
    return !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
}

/** Sends `signal` to `pid` and measures how long until every one of `processes` is gone. */
async function stopAndTime(pid: number, processes: number[], signal: NodeJS.Signals): Promise<number> {
  const sentAt = Date.now();
  process.kill(pid, signal);
  while (processes.some(isRunning) && Date.now() - sentAt < STOP_LIMIT_MS * 2) await new Promise((resolve) => setTimeout(resolve, 50));
  return Date.now() - sentAt;
}

async function json(response: Response) {
  return (await response.json()) as Record<string, unknown>;
}

/**
 * The status of a request sent as it is written here (fetch would set its own Host): one that
 * declares a body sends none of it, so only a refusal unread can answer it.
 */
function rawStatus(url: string, path: string, options: { method?: string; headers: Record<string, string> }): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${url}${path}`, options);
    outgoing.on("response", (response) => resolve(response.statusCode!));
    outgoing.on("error", reject);
    if (options.headers["content-length"]) outgoing.flushHeaders();
    else outgoing.end();
  });
}

function signInFrom(url: string, forwardedFor: string, attempt: number): Promise<Response> {
  return fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ email: `nobody.${attempt}@stop.test`, password: "not the password" }),
  });
}

describe("stopping the studio", () => {
  let cookie: string;
  let generationId: string;

  it("limits sign-ins by the real client address however a client forges X-Forwarded-For, and answers only for its own host", async () => {
    const studio = await npmStart();
    // Each attempt with another forged address and another account: only the per-IP limit can refuse.
    const answers: number[] = [];
    for (let attempt = 1; attempt <= SIGN_IN_ATTEMPTS_PER_MINUTE + 1; attempt++) {
      answers.push((await signInFrom(studio.url, `198.51.100.${attempt}`, attempt)).status);
    }
    expect(answers.slice(0, SIGN_IN_ATTEMPTS_PER_MINUTE).every((status) => status === 401), answers.join()).toBe(true);
    expect(answers.at(-1)).toBe(429);

    expect(await rawStatus(studio.url, "/api/health", { headers: { host: "attacker.example" } })).toBe(421);
    expect(await rawStatus(studio.url, "/api/health", { headers: { host: `localhost:${port}` } })).toBe(200);
    const declared = { "content-type": "application/json", origin: studio.url, "content-length": String(100 * 1024 * 1024) };
    expect(await rawStatus(studio.url, "/api/auth/sign-in/email", { method: "POST", headers: declared })).toBe(413);
  }, START_TIMEOUT_MS + 30_000);

  it("stops npm, the server and PostgreSQL within 10 s of a SIGTERM to npm, exit 0, with the job in progress handed back", async () => {
    const studio = running!;
    const setupCode = /setup=([0-9A-Z-]+)/.exec(studio.output())?.[1];
    expect(setupCode, "the start-up log shows the owner setup code").toBeDefined();
    const signUp = await fetch(`${studio.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: studio.url },
      body: JSON.stringify({ name: "Stop Test", email: "owner@stop.test", password: TEST_PASSWORD, setupCode }),
    });
    expect(signUp.status, await signUp.clone().text()).toBe(200);
    cookie = signUp.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");

    const submit = await fetch(`${studio.url}/api/generations`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "clean-stop-1", cookie, origin: studio.url },
      body: JSON.stringify({ model: "stable-audio-25", request: { prompt: "A calm piano loop for a clean stop", duration_seconds: 30 } }),
    });
    expect(submit.status, await submit.clone().text()).toBe(202);
    generationId = ((await json(submit)).generations as { id: string }[])[0]!.id;
    // Wait until Venice has the job: the stop then lands while it is being worked on.
    for (let status = ""; status !== "queued" && status !== "processing"; ) {
      status = (await json(await fetch(`${studio.url}/api/generations/${generationId}`, { headers: { cookie } }))).status as string;
      expect(status).not.toBe("completed");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const processes = descendantsOf(studio.pid);
    expect(processes.length, "npm, the server and PostgreSQL's processes").toBeGreaterThanOrEqual(3);
    const tookMs = await stopAndTime(studio.pid, processes, "SIGTERM");
    console.log(`SIGTERM to npm: ${processes.length} processes gone in ${tookMs} ms`);
    expect(processes.filter(isRunning), `still running ${tookMs} ms after SIGTERM`).toEqual([]);
    expect(tookMs).toBeLessThan(STOP_LIMIT_MS);
    expect(await studio.exited).toBe(0);
    expect(studio.output()).toContain("The studio stopped cleanly.");
  }, START_TIMEOUT_MS + 60_000);

  it("finishes that job after the next start, and stops again on SIGINT to the server process itself", async () => {
    const studio = await npmStart();
    let status = "";
    for (const deadline = Date.now() + 60_000; status !== "completed" && Date.now() < deadline; ) {
      status = (await json(await fetch(`${studio.url}/api/generations/${generationId}`, { headers: { cookie } }))).status as string;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe("completed");
    // Next.js drops a route's Content-Length; the front door puts the audio's back.
    const { trackId } = await json(await fetch(`${studio.url}/api/generations/${generationId}`, { headers: { cookie } }));
    const audio = await fetch(`${studio.url}/api/tracks/${trackId as string}/audio`, { headers: { cookie } });
    const bytes = (await audio.arrayBuffer()).byteLength;
    expect(bytes).toBeGreaterThan(0);
    expect(audio.headers.get("content-length")).toBe(String(bytes));

    // The server runs in the process npm started (npm's only child): a supervisor may signal it.
    const [server] = descendantsOf(studio.pid).slice(1);
    const processes = descendantsOf(studio.pid);
    const tookMs = await stopAndTime(server!, processes, "SIGINT");
    expect(processes.filter(isRunning)).toEqual([]);
    expect(tookMs).toBeLessThan(STOP_LIMIT_MS);
    expect(await studio.exited).toBe(0);
  }, START_TIMEOUT_MS + 90_000);
});
