// An anonymous client floods the studio with huge request bodies: 4 parallel 300 MiB chunked
// bodies each to sign-in (read by better-auth's route), to a studio route and to a page, then
// the same with an honest 300 MiB Content-Length. Before issue 12, four such sign-ins grew the
// server from 2.1 to 4.7 GB. Reports the server's peak RSS growth, how fast every one was
// answered, and how long a SIGTERM takes to stop it all afterwards.
// Run: npm run bench -- body-flood   (builds first when the sources changed)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { startStudioServer } from "../tests/crash/studio-server";
import { unusedPort } from "../tests/support/ports";
import { reportFigures } from "./report";

const BODY_BYTES = 300 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, "x");
const PARALLEL = 4;
const TARGETS = ["/api/auth/sign-in/email", "/api/generations", "/library"];

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((entry) => entry.startsWith("VmRSS:"))!;
  return Number(line.replace(/\D+/g, "")) / 1024;
}

/** Sends up to BODY_BYTES to `target` until the studio answers; resolves with the status (0: the connection was closed first) and the time to it. */
function flood(port: number, target: string, declared: boolean): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string> = { "content-type": "application/json", origin: `http://127.0.0.1:${port}` };
    if (declared) headers["content-length"] = String(BODY_BYTES);
    const outgoing = request({ host: "127.0.0.1", port, method: "POST", path: target, headers });
    let sent = 0;
    let answered = false;
    outgoing.on("response", (response) => {
      answered = true;
      response.resume();
      resolve({ status: response.statusCode!, ms: performance.now() - started });
      outgoing.destroy();
    });
    outgoing.on("error", () => !answered && resolve({ status: 0, ms: performance.now() - started }));
    const pump = () => {
      while (!answered && sent < BODY_BYTES) {
        sent += CHUNK.length;
        if (!outgoing.write(CHUNK)) return void outgoing.once("drain", pump);
      }
      if (!answered) outgoing.end();
    };
    pump();
  });
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "studio-flood-"));
  const port = await unusedPort();
  const studio = await startStudioServer(port, { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await unusedPort()) });
  try {
    // Warm the routes up, so that loading them is not counted as growth.
    for (const target of TARGETS) await flood(port, target, true);
    const baseline = rssMiB(studio.pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(studio.pid))), 50);
    const results = [];
    for (const declared of [false, true]) {
      const runs = TARGETS.flatMap((target) => Array.from({ length: PARALLEL }, () => flood(port, target, declared)));
      results.push(...(await Promise.all(runs)));
    }
    clearInterval(sampler);
    const refused = results.filter((result) => result.status >= 400 && result.status < 500).length;
    // Refused on its declared length, the connection closes before the client has sent the rest.
    const closedMidBody = results.filter((result) => result.status === 0).length;
    const slowest = Math.max(...results.map((result) => result.ms));

    const stopStarted = performance.now();
    process.kill(studio.pid, "SIGTERM");
    const exitCode = await studio.exited;
    const stopMs = performance.now() - stopStarted;

    reportFigures("body-flood", [
      { figure: `peak RSS growth, ${results.length} bodies of 300 MiB at once`, value: `+${(peak - baseline).toFixed(1)} MiB`, target: "≤ 64 MiB", pass: peak - baseline <= 64 },
      { figure: "accepted, or a server error", value: String(results.length - refused - closedMidBody), target: "0", pass: refused + closedMidBody === results.length },
      { figure: "answered 413 / 401", value: String(refused) },
      { figure: "closed by the studio before the body was sent", value: String(closedMidBody) },
      { figure: "slowest answer", value: `${Math.round(slowest)} ms`, target: "≤ 1000 ms", pass: slowest <= 1000 },
      { figure: "SIGTERM to exit, then", value: `${Math.round(stopMs)} ms (exit ${exitCode})`, target: "≤ 10 s, exit 0", pass: stopMs <= 10_000 && exitCode === 0 },
    ]);
  } finally {
    await studio.kill9();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
