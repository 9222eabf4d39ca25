// `npm start`: install what is missing, build when the sources changed, then serve the
// studio on PORT (default 3000). Demo mode unless VENICE_API_KEY is set.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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

const stamp = path.join(".next", "studio-source-hash");
const hash = sourceHash();
if (!existsSync(path.join(".next", "BUILD_ID")) || !existsSync(stamp) || readFileSync(stamp, "utf8") !== hash) {
  console.log("Building the studio (next build)…");
  run(process.execPath, [NEXT, "build"]);
  writeFileSync(stamp, hash);
}

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [NEXT, "start", "-p", port, "-H", process.env.HOST ?? "0.0.0.0"], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
