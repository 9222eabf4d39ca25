// What a Next.js server build (Turbopack) is made of: each JavaScript file under
// <distDir>/server, the source files it holds (read from its source map) and the chunks it
// names. An entry (a route's or page's file, instrumentation.js) names the chunks it loads at
// once; a chunk names the ones a dynamic import() in it loads when that import runs.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./source-imports";

export type ServerBuildFile = {
  /** Relative to the dist dir, e.g. `server/chunks/[root-of-the-server]__1xeg3q2v6rjfq._.js`. */
  file: string;
  /** Repository paths of the modules in it, e.g. `lib/boot.ts` or `node_modules/zod/…`. */
  sources: string[];
  /** The chunks it names, in the same form as `file`. */
  chunks: string[];
};

const CHUNK_NAME = /"(server\/chunks\/[^"]+\.js)"/g;
const PROJECT_PREFIX = "turbopack:///[project]/";

export function serverBuildFiles(distDir: string): ServerBuildFile[] {
  const root = path.resolve(REPO_ROOT, distDir);
  return readdirSync(path.join(root, "server"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".js"))
    .map((entry) => {
      const absolute = path.join(entry.parentPath, entry.name);
      const code = readFileSync(absolute, "utf8");
      return {
        file: path.relative(root, absolute).split(path.sep).join("/"),
        sources: sourcesOf(`${absolute}.map`),
        chunks: [...new Set([...code.matchAll(CHUNK_NAME)].map(([, name]) => name!))],
      };
    });
}

type SourceMap = { sources?: string[]; sections?: { map: SourceMap }[] };

function sourcesOf(mapFile: string): string[] {
  if (!existsSync(mapFile)) return [];
  const map = JSON.parse(readFileSync(mapFile, "utf8")) as SourceMap;
  const sources = [...(map.sources ?? []), ...(map.sections ?? []).flatMap((section) => section.map.sources ?? [])];
  return sources.map((encoded) => {
    // Turbopack writes them URL-encoded: `app/share/%5Btoken%5D/page.tsx`.
    const source = decodeOrKeep(encoded);
    const absolute = source.startsWith(PROJECT_PREFIX) ? path.join(REPO_ROOT, source.slice(PROJECT_PREFIX.length)) : path.resolve(path.dirname(mapFile), source);
    return path.relative(REPO_ROOT, absolute).split(path.sep).join("/");
  });
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
