import "server-only";
import { ApiError } from "@/lib/errors";
import { env } from "@/lib/env";

// Cross-site request forgery guard for every state-changing route, in the manner of Go's
// http.CrossOriginProtection: browsers label each request with Origin and/or Sec-Fetch-Site,
// so a request from another site is recognisable; a request with neither header comes from
// a non-browser client (curl, a script), which a forged page cannot make carry cookies.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (origin === studioOrigin(request)) return;
    throw new ApiError("forbidden", "This request came from another site and was refused.");
  }
  const site = request.headers.get("sec-fetch-site");
  if (site === null || site === "same-origin" || site === "none") return;
  throw new ApiError("forbidden", "This request came from another site and was refused.");
}

/**
 * STUDIO_URL's origin when set, otherwise the origin the request was addressed to. Forwarded
 * headers count only behind TRUSTED_PROXIES: from anyone else they are the client's own words
 * (the front door, scripts/front-door.mjs, also strips them from untrusted peers).
 */
export function studioOrigin(request: Request): string {
  const { STUDIO_URL, TRUSTED_PROXIES } = env();
  if (STUDIO_URL) return new URL(STUDIO_URL).origin;
  const url = new URL(request.url);
  const forwarded = (name: string) => (TRUSTED_PROXIES ? request.headers.get(name)?.split(",")[0]?.trim() || undefined : undefined);
  const host = forwarded("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const protocol = forwarded("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${protocol}://${host}`;
}

/** Whether STUDIO_URL says the studio is served over HTTPS. */
export function studioUrlIsHttps(): boolean {
  const configured = env().STUDIO_URL;
  return configured !== undefined && new URL(configured).protocol === "https:";
}
