// `npm start`: install what is missing, build when the sources changed, then serve the
// studio on PORT (default 3000) from this process. Demo mode unless VENICE_API_KEY is set.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, linkSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

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
// it once: the first takes the build lock, the others wait for it and then check the sources
// again. Next empties its dist dir when a build starts, so the lock lives in the temp dir,
// named after the dist dir. It holds its owner's pid: a lock whose owner died is taken over.
const buildLock = path.join(tmpdir(), `venice-studio-build-${createHash("sha256").update(path.resolve(distDir)).digest("hex").slice(0, 16)}.lock`);
const LOCK_POLL_MS = 500;
// A lock this old is stale whatever its pid says (the pid may belong to another process now).
const STALE_LOCK_MS = 20 * 60_000;

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that pid.
    return error.code === "EPERM";
  }
}

function lockOwner() {
  try {
    return Number(readFileSync(buildLock, "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return undefined;
    throw error;
  }
}

function takeBuildLock() {
  // Written whole under a private name, then linked into place: linking fails when a lock
  // exists, so no one ever reads a half-written lock.
  const candidate = `${buildLock}.${process.pid}`;
  writeFileSync(candidate, String(process.pid));
  try {
    for (let announced = false; ; ) {
      try {
        linkSync(candidate, buildLock);
        // A build that fails exits through run(); the lock goes with it.
        process.on("exit", releaseBuildLock);
        return;
      } catch (error) {
        if (error.code !== "EEXIST") throw error;
      }
      const owner = lockOwner();
      if (owner === undefined) continue; // released just now
      if (!isAlive(owner) || Date.now() - statSync(buildLock, { throwIfNoEntry: false })?.mtimeMs > STALE_LOCK_MS) {
        takeOverStaleLock(owner);
        continue;
      }
      if (!announced) console.log(`Waiting for the build of another start (pid ${owner})…`);
      announced = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LOCK_POLL_MS);
    }
  } finally {
    rmSync(candidate, { force: true });
  }
}

// Two waiters may find the same dead owner: the lock is moved aside, not deleted, and put
// back when what was moved turns out to be another waiter's fresh lock.
function takeOverStaleLock(staleOwner) {
  const aside = `${buildLock}.stale.${process.pid}`;
  try {
    renameSync(buildLock, aside);
  } catch (error) {
    if (error.code === "ENOENT") return;
    throw error;
  }
  if (Number(readFileSync(aside, "utf8")) !== staleOwner) {
    try {
      linkSync(aside, buildLock);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
  rmSync(aside, { force: true });
}

function releaseBuildLock() {
  rmSync(buildLock, { force: true });
  process.off("exit", releaseBuildLock);
}

if (!isBuilt(sourceHash())) {
  takeBuildLock();
  const hash = sourceHash();
  if (!isBuilt(hash)) {
    console.log("Building the studio (next build)…");
    buildKeepingTypeScriptSetup();
    writeFileSync(stamp, hash);
  }
  releaseBuildLock();
}

// `node scripts/start.mjs --build-only`: build when the sources changed, then stop (the benches).
if (process.argv.includes("--build-only")) process.exit(0);

// The server runs in this very process, so a SIGTERM to it (from npm, a supervisor or a
// container runtime) stops everything the studio started (scripts/server.mjs).
const { serve } = await import("./server.mjs");
await serve({ port: Number(process.env.PORT ?? "3000"), hostname: process.env.HOST ?? "0.0.0.0" });
