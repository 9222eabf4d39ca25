// The studio's routes as the app/ tree declares them, so a test that walks "every route"
// walks a new one too: API routes from app/api/**/route.ts (with the HTTP methods each
// module exports) and pages from app/**/page.tsx.
import { readdirSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Handler = (request: Request, segment: { params: Promise<unknown> }) => Promise<Response>;

/** One exported handler: `pattern` is the route as Next names it, e.g. /api/tracks/[id]. */
export type ApiEndpoint = { method: HttpMethod; pattern: string; handler: Handler };

const APP_DIR = path.resolve("app");

/** Every (method, route) pair of app/api, sorted by route then method. */
export async function apiEndpoints(): Promise<ApiEndpoint[]> {
  const endpoints: ApiEndpoint[] = [];
  for (const file of filesNamed("route.ts", path.join(APP_DIR, "api"))) {
    const routeModule = (await import(/* @vite-ignore */ file)) as Partial<Record<HttpMethod, Handler>>;
    for (const method of HTTP_METHODS) {
      const handler = routeModule[method];
      if (handler) endpoints.push({ method, pattern: routePattern(file), handler });
    }
  }
  return endpoints;
}

/** Every page route, e.g. "/", "/library", "/share/[token]". */
export function pagePatterns(): string[] {
  return filesNamed("page.tsx", APP_DIR).map(routePattern);
}

/**
 * `pattern` with each dynamic segment filled in by `valueOf(name)`: the URL path, and the
 * params a handler receives (a catch-all's value split into its segments).
 */
export function fillPattern(pattern: string, valueOf: (name: string) => string): { path: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const filled = pattern.split("/").map((segment) => {
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
    const single = /^\[(\w+)\]$/.exec(segment);
    if (catchAll) {
      const value = valueOf(catchAll[1]!);
      params[catchAll[1]!] = value.split("/");
      return value;
    }
    if (single) {
      const value = valueOf(single[1]!);
      params[single[1]!] = value;
      return encodeURIComponent(value);
    }
    return segment;
  });
  return { path: filled.join("/"), params };
}

function filesNamed(name: string, dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join(dir, file))
    .sort();
}

/** app/api/tracks/[id]/route.ts → /api/tracks/[id]; route groups such as (auth) add nothing to the URL. */
function routePattern(file: string): string {
  const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}
