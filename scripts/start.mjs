// `npm start`: install what is missing, build when the sources changed, then serve the
// studio on PORT (default 3000) from this process. Demo mode unless VENICE_API_KEY is set.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { buildIfChanged } from "./build-if-changed.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// Next reads .env itself, but PORT and HOST are needed here first.
if (existsSync(".env")) process.loadEnvFile?.(".env");

const deps = spawnSync(process.execPath, ["scripts/ensure-deps.mjs"], { stdio: "inherit" });
if (deps.status !== 0) process.exit(deps.status ?? 1);

buildIfChanged();

// The server runs in this very process, so a SIGTERM to it (from npm, a supervisor or a
// container runtime) stops everything the studio started (scripts/server.mjs).
const { serve } = await import("./server.mjs");
await serve({ port: Number(process.env.PORT ?? "3000"), hostname: process.env.HOST ?? "0.0.0.0" });
