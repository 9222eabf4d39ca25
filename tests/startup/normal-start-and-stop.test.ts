// A normal start and stop of the real studio (`npm start` or `node scripts/start.mjs`, demo
// mode, its own embedded PostgreSQL), as a person runs it in a terminal: the start prints no
// warning (better-auth's "Base URL is not set" among them, STUDIO_URL being unset) and says it
// is serving only once it is up; Ctrl+C (SIGINT to the whole foreground process group: npm,
// which forwards it once more, the server and PostgreSQL) and a supervisor's SIGTERM to the
// server end it without an error line, exit 0, and leave no PostgreSQL process behind. Before
// the fix npm's forwarded SIGINT counted as a second one: exit 1, no clean stop. Builds the
// studio first if its sources changed (seconds with Turbopack's cache, a few minutes without).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isProcessAlive } from "@/lib/process-alive";
import { startStudioServer, type StudioServer } from "../crash/studio-server";
import { TEST_PASSWORD } from "../support/members";
import { unusedPort } from "../support/ports";
import { postgresProcesses } from "../support/postgres-processes";

// startStudioServer waits as long for a first start that builds.
const START_TIMEOUT_MS = 300_000;
const STOP_LIMIT_MS = 10_000;
const BASE_URL_NOTE = "STUDIO_URL is not set: auth URLs are derived from each request";

let dataDir: string;
let running: StudioServer | undefined;

// The build first, on its own: its output (a type error elsewhere, Next's notes) is no start's.
beforeAll(() => {
  // The clean environment startStudioServer gives the studio too.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  const build = spawnSync(process.execPath, ["scripts/build-if-changed.mjs"], { encoding: "utf8", env });
  expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
}, START_TIMEOUT_MS);

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "studio-start-stop-"));
});

afterEach(async () => {
  await running?.kill9();
  running = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * Starts the studio and uses it as a first visit does: the home page (to sign-in), the sign-in
 * page, the session; then the owner signs up and the studio page's live event stream stays open.
 */
async function startAndUse({ viaNpm }: { viaNpm: boolean }): Promise<StudioServer> {
  const studioEnv = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await unusedPort()), VENICE_API_KEY: "", LOG_LEVEL: "debug" };
  // Debug shows everything info does and more: a warning cannot hide below the level.
  running = await startStudioServer(await unusedPort(), studioEnv, { viaNpm });
  const { url } = running;
  expect((await fetch(url, { redirect: "manual" })).status).toBe(307);
  expect((await fetch(`${url}/sign-in`)).status).toBe(200);
  for (let visit = 0; visit < 2; visit++) expect((await fetch(`${url}/api/auth/get-session`)).status).toBe(200);

  const setupCode = /setup=([0-9A-Z-]+)/.exec(running.output())?.[1];
  const signUp = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ name: "Start Stop", email: "owner@start-stop.test", password: TEST_PASSWORD, setupCode }),
  });
  expect(signUp.status, await signUp.clone().text()).toBe(200);
  const cookie = signUp.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
  const events = await fetch(`${url}/api/events`, { headers: { cookie } });
  expect(events.status).toBe(200);
  // Read until connected; the stream stays open, held by the studio's LISTEN connection.
  const reader = events.body!.getReader();
  for (let text = ""; !text.includes(": connected"); ) text += new TextDecoder().decode((await reader.read()).value);
  // The stream ends when the studio stops; nothing waits on it.
  void reader.closed.catch(() => {});
  return running;
}

type Line = { text: string; level?: number; msg?: string };

function linesOf(output: string): Line[] {
  return output
    .split("\n")
    .filter((text) => text.trim() !== "")
    .map((text) => {
      try {
        const { level, msg } = JSON.parse(text) as { level: number; msg: string };
        return { text, level, msg };
      } catch {
        return { text };
      }
    });
}

/** Warnings and errors: pino's warn (40) and above, or plain text that reads as one (a stack frame, Next's ⨯). */
function complaints(lines: Line[]): string[] {
  return lines
    .filter(({ text, level }) => (level === undefined ? /error|warn|fail|⨯|^\s+at\s/i.test(text) : level >= 40))
    .map(({ text }) => text);
}

async function stopAndWait(studio: StudioServer, send: () => void): Promise<{ code: number | null; tookMs: number; left: number[] }> {
  const postgres = postgresProcesses(path.join(dataDir, "postgres"));
  expect(postgres.length, "the postmaster and its helpers").toBeGreaterThan(1);
  const sentAt = Date.now();
  send();
  const code = await Promise.race([studio.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), STOP_LIMIT_MS * 2))]);
  const tookMs = Date.now() - sentAt;
  while (postgres.some(isProcessAlive) && Date.now() - sentAt < STOP_LIMIT_MS) await new Promise((resolve) => setTimeout(resolve, 50));
  return { code, tookMs, left: postgres.filter(isProcessAlive) };
}

describe("a normal start and stop", () => {
  it("starts without a warning, says serving once up, and stops on Ctrl+C without an error, exit 0, no PostgreSQL left", async () => {
    // `npm start` as the README says; npm forwards the SIGINT the server also gets from the terminal.
    const studio = await startAndUse({ viaNpm: true });
    // A terminal's Ctrl+C: SIGINT to every process of the foreground group (the studio runs detached in its own).
    const { code, tookMs, left } = await stopAndWait(studio, () => process.kill(-studio.pid, "SIGINT"));
    const lines = linesOf(studio.output());

    expect(complaints(lines), studio.output()).toEqual([]);
    // better-auth's base URL note: once, at debug.
    expect(lines.filter(({ msg }) => msg === BASE_URL_NOTE).map(({ level }) => level)).toEqual([20]);
    const ready = lines.findIndex(({ msg }) => msg === "Venice Studio ready");
    const serving = lines.findIndex(({ text }) => text.startsWith("Venice Studio is serving on http://127.0.0.1:"));
    expect(ready, "the boot's own ready line").toBeGreaterThanOrEqual(0);
    expect(serving, "serving is said only once the studio is up").toBeGreaterThan(ready);
    expect(lines.filter(({ text }) => text === "SIGINT: stopping the studio…"), "one stop for the SIGINT npm forwards too").toHaveLength(1);

    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(STOP_LIMIT_MS);
    expect(left, "PostgreSQL processes still running").toEqual([]);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid")), "PostgreSQL shut down cleanly").toBe(false);
    expect(lines.map(({ text }) => text)).toContain("The studio stopped cleanly.");
  }, START_TIMEOUT_MS + 30_000);

  it("stops on a SIGTERM to the server alone the same way", async () => {
    const studio = await startAndUse({ viaNpm: false });
    const { code, left } = await stopAndWait(studio, () => process.kill(studio.pid, "SIGTERM"));
    expect(complaints(linesOf(studio.output())), studio.output()).toEqual([]);
    expect(code).toBe(0);
    expect(left).toEqual([]);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  }, START_TIMEOUT_MS + 30_000);
});
