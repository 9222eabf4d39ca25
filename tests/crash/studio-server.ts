// The studio as a real server process (`node scripts/start.mjs`: build when the sources
// changed, then `next start`), for tests that kill it. It runs in its own process group, so
// `kill9` takes down start.mjs and the Next server under it at once, as a crash would.
import { spawn, type ChildProcess } from "node:child_process";

export type StudioServer = {
  url: string;
  /** The pid of start.mjs, which leads the server's process group (the Next server is in it). */
  pid: number;
  /** Everything the server (start.mjs, the build, Next) wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL to the whole server; resolves once it is gone. */
  kill9(): Promise<void>;
};

export type StudioEnv = {
  DATABASE_URL: string;
  VENICE_API_BASE: string;
  VENICE_API_KEY: string;
  DATA_DIR: string;
  /** Default DATA_DIR/storage. */
  STORAGE_DIR?: string;
  /** All four set: tracks go to this S3-compatible bucket instead of STORAGE_DIR. */
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  /** Default warn. */
  LOG_LEVEL?: string;
  /** Build and serve from this folder instead of .next (next.config.ts). */
  NEXT_DIST_DIR?: string;
};

// The first start may build the studio.
const START_TIMEOUT_MS = 300_000;

export async function startStudioServer(port: number, studioEnv: StudioEnv): Promise<StudioServer> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: process.cwd(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // A clean environment: nothing of the test runner's (NODE_ENV=test, a real Venice key) leaks in.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...studioEnv,
    },
  });
  const chunks: Buffer[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk));
  const output = () => Buffer.concat(chunks).toString();
  const tail = () => output().slice(-20_000);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the studio exited on start:\n${tail()}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error(`the studio did not become healthy:\n${tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    output,
    async kill9() {
      killGroup(child);
      await exited;
    },
  };
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
}
