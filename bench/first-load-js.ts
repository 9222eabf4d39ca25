// First-load JS of the studio's pages, in kB of gzip (1 kB = 1000 bytes, as `next build`
// counts), against the 180 kB target. Builds first when the sources changed (scripts/build-if-changed.mjs).
//
// Next 16 writes each route's first-load chunks to .next/diagnostics/route-bundle-stats.json
// (framework, shared and page chunks; lazy chunks such as the player's wavesurfer.js are not in
// it). e2e/smoke.spec.ts checks that a browser's first load fetches exactly these files.
// Each file is gzipped at zlib's default level, as `next start` serves it.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type BenchFigure, reportFigures } from "./report";

const ROUTES = ["/", "/library"];
const TARGET_KB = 180;
const STATS = path.join(".next", "diagnostics", "route-bundle-stats.json");

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

const build = spawnSync(process.execPath, ["scripts/build-if-changed.mjs"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
if (!existsSync(STATS)) {
  console.error(`${STATS} is missing after the build.`);
  process.exit(1);
}
const stats = JSON.parse(readFileSync(STATS, "utf8")) as RouteStats[];

const gzipBytes = new Map<string, number>();
function gzipped(file: string): number {
  let bytes = gzipBytes.get(file);
  if (bytes === undefined) {
    bytes = gzipSync(readFileSync(file)).length;
    gzipBytes.set(file, bytes);
  }
  return bytes;
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
// A chunk every page loads is the framework (React, Next's runtime) or code shared by all pages.
const everyRoute = stats.map((route) => new Set(route.firstLoadChunkPaths));
const onEveryRoute = (file: string) => everyRoute.every((chunks) => chunks.has(file));

const figures: BenchFigure[] = [];
for (const route of ROUTES) {
  const entry = stats.find((candidate) => candidate.route === route);
  if (!entry) throw new Error(`${STATS} lists no route ${route}.`);
  const chunks = entry.firstLoadChunkPaths.map((file) => ({ file, gzip: gzipped(file), shared: onEveryRoute(file) }));
  const total = chunks.reduce((sum, chunk) => sum + chunk.gzip, 0);
  console.log(`${route}: ${kB(entry.firstLoadUncompressedJsBytes)} kB raw; gzip per chunk:`);
  for (const chunk of chunks.sort((a, b) => b.gzip - a.gzip)) {
    console.log(`  ${kB(chunk.gzip).padStart(6)} kB  ${path.basename(chunk.file)}${chunk.shared ? "" : "  (not on every page)"}`);
  }
  figures.push({ figure: `first-load JS of ${route}`, value: `${kB(total)} kB`, target: `≤ ${TARGET_KB} kB`, pass: total / 1000 <= TARGET_KB });
}
const sharedByEveryRoute = [...everyRoute[0]!].filter(onEveryRoute).reduce((sum, file) => sum + gzipped(file), 0);
figures.push({ figure: "of it shared by every page", value: `${kB(sharedByEveryRoute)} kB` });
reportFigures("first-load-js", figures, `gzip, of the \`next build\` made ${statSync(path.join(".next", "BUILD_ID")).mtime.toISOString()}.`);
