// The studio as a real server process (`node scripts/start.mjs`, or `npm start` as a person
// runs it: build when the sources changed, then serve), for tests that kill or stop it. It runs
// in its own process group, so `kill9` takes down everything under it at once, as a crash would.
import { spawn, type ChildProcess } from "node:child_process";

export type StudioServer = {
  url: string;
  /** The pid of start.mjs (or npm), which leads the server's process group. */
  pid: number;
  /** Resolves with the exit code once that process has exited. */
  exited: Promise<number | null>;
  /** Everything the server (start.mjs, the build, Next) wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL to the whole server; resolves once it is gone. */
  kill9(): Promise<void>;
};

export type StudioEnv = {
  /** Unset: the embedded PostgreSQL in DATA_DIR, on EMBEDDED_PG_PORT. */
  DATABASE_URL?: string;
  EMBEDDED_PG_PORT?: string;
  /** Unset: demo mode, with the simulator in the server (SIM_SPEED). */
  VENICE_API_BASE?: string;
  VENICE_API_KEY?: string;
  SIM_SPEED?: string;
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

/** Starts the studio on `port`; resolves once it is healthy. `viaNpm`: through `npm start`. */
export async function startStudioServer(port: number, studioEnv: StudioEnv, { viaNpm = false } = {}): Promise<StudioServer> {
  const [command, args] = viaNpm ? ["npm", ["start"]] : [process.execPath, ["scripts/start.mjs"]];
  const child = spawn(command, args, {
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
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

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
    exited,
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
