// `npm start`: install what is missing, build when the sources changed, then serve the
// studio on PORT (default 3000) from this process. Demo mode unless VENICE_API_KEY is set.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildLockPath, releaseBuildLock, takeBuildLock } from "./build-lock.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// Next reads .env itself, but PORT and HOST are needed here first.
if (existsSync(".env")) process.loadEnvFile?.(".env");

// Next's CLI (for the build) is run with this Node directly, not through npx.
const NEXT = path.join("node_modules", "next", "dist", "bin", "next");

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ["scripts/ensure-deps.mjs"]);

const SOURCES = ["app", "components", "lib", "prisma", "public", "instrumentation.ts", "next.config.ts",
  "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function sourceHash() {
  const hash = createHash("sha256");
  const visit = (file) => {
    if (!existsSync(file) || file.includes(`${path.sep}generated`) || file.endsWith(".test.ts")) return;
    if (statSync(file).isDirectory()) {
      for (const entry of readdirSync(file).sort()) visit(path.join(file, entry));
    } else {
      hash.update(file).update(readFileSync(file));
    }
  };
  SOURCES.forEach(visit);
  return hash.digest("hex");
}

// next.config.ts builds into NEXT_DIST_DIR when it is set (the key-leak test's own build).
const distDir = process.env.NEXT_DIST_DIR || ".next";

// `next build` points tsconfig.json and next-env.d.ts at its dist dir's generated types. A
// build elsewhere than .next puts them back as they were, so the project's own type check
// never depends on a folder that is about to be removed.
function buildKeepingTypeScriptSetup() {
  if (distDir === ".next") return run(process.execPath, [NEXT, "build"]);
  const kept = ["tsconfig.json", "next-env.d.ts"].map((file) => [file, existsSync(file) ? readFileSync(file) : null]);
  const result = spawnSync(process.execPath, [NEXT, "build"], { stdio: "inherit" });
  for (const [file, content] of kept) {
    if (content === null) rmSync(file, { force: true });
    else writeFileSync(file, content);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const stamp = path.join(distDir, "studio-source-hash");
const isBuilt = (hash) => existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash;

// Several starts on one dist dir (two instances on one machine, parallel test servers) build
// it once: the first takes the build lock (build-lock.mjs), the others wait for it and then
// check the sources again.
const buildLock = buildLockPath(distDir);

if (!isBuilt(sourceHash())) {
  takeBuildLock(buildLock);
  const hash = sourceHash();
  if (!isBuilt(hash)) {
    console.log("Building the studio (next build)…");
    buildKeepingTypeScriptSetup();
    writeFileSync(stamp, hash);
  }
  releaseBuildLock(buildLock);
}

// `node scripts/start.mjs --build-only`: build when the sources changed, then stop (the benches).
if (process.argv.includes("--build-only")) process.exit(0);

// The server runs in this very process, so a SIGTERM to it (from npm, a supervisor or a
// container runtime) stops everything the studio started (scripts/server.mjs).
const { serve } = await import("./server.mjs");
await serve({ port: Number(process.env.PORT ?? "3000"), hostname: process.env.HOST ?? "0.0.0.0" });
