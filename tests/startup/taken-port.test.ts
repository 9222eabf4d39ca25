// A taken web port, as a person meets it: `node scripts/start.mjs` with PORT on a port another
// program holds. The start must stop at once (before an install, a build or a database), with
// one line naming PORT, exit non-zero, and never claim to be ready or serving. Needs no build.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve } from "@/scripts/server.mjs";
import { StartupError, webAddress } from "@/scripts/web-port.mjs";
import { unusedPort } from "../support/ports";

// Failing takes well under a second: no install, no build, no database.
const START_LIMIT_MS = 10_000;

let holder: Server;
let takenPort: number;
let dataDir: string;

beforeAll(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  takenPort = (holder.address() as { port: number }).port;
  dataDir = await mkdtemp(path.join(tmpdir(), "studio-taken-port-"));
});

afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

/** `node scripts/start.mjs` in demo mode; resolves with its exit code and everything it wrote. */
async function start(port: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: process.cwd(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: port,
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await unusedPort()),
      VENICE_API_KEY: "",
    },
  });
  const chunks: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
  // A start that got past the check would build and serve: end it (and its build) rather than wait.
  const tooLong = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), START_LIMIT_MS);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(tooLong);
  return { code, output: Buffer.concat(chunks).toString() };
}

describe("a taken web port", () => {
  it("stops the start at once with one line that says to set PORT, and nothing ready", async () => {
    const { code, output } = await start(String(takenPort));
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `Venice Studio could not start on port ${takenPort}: another program is using it (another studio?). Set PORT to a free port, e.g. PORT=${takenPort + 1} npm start`,
    );
    expect(output).not.toMatch(/ready|serving|building/i);
    // Before anything slow (else the start was killed at START_LIMIT_MS): no database under DATA_DIR.
    expect(await readdir(dataDir)).toEqual([]);
  });

  it("says what PORT must be when it is not a port number", async () => {
    const { code, output } = await start("30OO");
    expect(code).toBe(1);
    expect(output.trim()).toBe('PORT must be a port number from 1 to 65535, not "30OO" (unset it for 3000).');
  });

  it("is refused by the server itself before the studio boots, when the port was taken after the check", async () => {
    // The port can be taken between start.mjs's check and the bind after a build: serve() binds
    // before it makes the Next.js app, so nothing has started when it fails.
    const failure = await serve({ port: takenPort, hostname: "127.0.0.1" }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StartupError);
    expect((failure as Error).message).toContain(`Set PORT to a free port, e.g. PORT=${takenPort + 1} npm start`);
    expect(Reflect.get(globalThis, Symbol.for("venice-studio.started")), "the Next.js app was never made").toBeUndefined();
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe("webAddress", () => {
  it("serves on port 3000 of every interface unless PORT and HOST say otherwise", () => {
    expect(webAddress({})).toEqual({ port: 3000, hostname: "0.0.0.0" });
    expect(webAddress({ PORT: " 8080 ", HOST: "127.0.0.1" })).toEqual({ port: 8080, hostname: "127.0.0.1" });
  });

  it.each(["0", "65536", "-1", "3000.5", "http"])("refuses PORT=%s", (port) => {
    expect(() => webAddress({ PORT: port })).toThrow(StartupError);
  });
});
