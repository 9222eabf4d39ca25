// `npm start`: install what is missing, build when the sources changed, then serve the
// studio on PORT (default 3000). Demo mode unless VENICE_API_KEY is set.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// Next reads .env itself, but PORT and HOST are needed here first.
if (existsSync(".env")) process.loadEnvFile?.(".env");

// Next's CLI is run with this Node directly (not through npx), so signals reach the server.
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
const hash = sourceHash();
if (!existsSync(path.join(distDir, "BUILD_ID")) || !existsSync(stamp) || readFileSync(stamp, "utf8") !== hash) {
  console.log("Building the studio (next build)…");
  buildKeepingTypeScriptSetup();
  writeFileSync(stamp, hash);
}

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [NEXT, "start", "-p", port, "-H", process.env.HOST ?? "0.0.0.0"], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
