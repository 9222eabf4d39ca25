// `npm start`: install what is missing, build when the sources changed, then serve the
// studio on PORT (default 3000) from this process. Demo mode unless VENICE_API_KEY is set.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { buildIfChanged } from "./build-if-changed.mjs";
import { checkWebAddress, StartupError, webAddress } from "./web-port.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// Next reads .env itself, but PORT and HOST are needed here first.
if (existsSync(".env")) process.loadEnvFile?.(".env");

/** A start-up problem is one line naming what to change, not a stack trace. */
function exitOnStartupError(error) {
  if (!(error instanceof StartupError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// Before an install or a build of minutes: a taken port is known at once.
let address;
try {
  address = webAddress(process.env);
  await checkWebAddress(address);
} catch (error) {
  exitOnStartupError(error);
}

const deps = spawnSync(process.execPath, ["scripts/ensure-deps.mjs"], { stdio: "inherit" });
if (deps.status !== 0) process.exit(deps.status ?? 1);

buildIfChanged();

// The server runs in this very process, so a SIGTERM to it (from npm, a supervisor or a
// container runtime) stops everything the studio started (scripts/server.mjs).
const { serve } = await import("./server.mjs");
await serve(address).catch(exitOnStartupError);
