// Builds the studio (`next build`) when its sources changed since the last build, once however
// many starts ask at the same time (build-lock.mjs). `node scripts/build-if-changed.mjs` does
// just that and stops (the benches); scripts/start.mjs calls it before serving.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildLockPath, releaseBuildLock, takeBuildLock } from "./build-lock.mjs";

// Next's CLI is run with this Node directly, not through npx.
const NEXT = path.join("node_modules", "next", "dist", "bin", "next");

const SOURCES = ["app", "components", "lib", "prisma", "public", "instrumentation.ts", "next.config.ts",
  "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

// next.config.ts builds into NEXT_DIST_DIR when it is set (the key-leak test's own build).
const distDir = process.env.NEXT_DIST_DIR || ".next";

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

// `next build` points tsconfig.json and next-env.d.ts at its dist dir's generated types. A
// build elsewhere than .next puts them back as they were, so the project's own type check
// never depends on a folder that is about to be removed.
function buildKeepingTypeScriptSetup() {
  const kept = distDir === ".next" ? [] : ["tsconfig.json", "next-env.d.ts"].map((file) => [file, existsSync(file) ? readFileSync(file) : null]);
  const result = spawnSync(process.execPath, [NEXT, "build"], { stdio: "inherit" });
  for (const [file, content] of kept) {
    if (content === null) rmSync(file, { force: true });
    else writeFileSync(file, content);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const stamp = path.join(distDir, "studio-source-hash");
const isBuilt = (hash) => existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash;

/** Builds when the sources changed. Several starts on one dist dir build it once: the first takes the lock, the others wait and check again. */
export function buildIfChanged() {
  if (isBuilt(sourceHash())) return;
  const lock = buildLockPath(distDir);
  takeBuildLock(lock);
  const hash = sourceHash();
  if (!isBuilt(hash)) {
    console.log("Building the studio (next build)…");
    buildKeepingTypeScriptSetup();
    writeFileSync(stamp, hash);
  }
  releaseBuildLock(lock);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  buildIfChanged();
}
