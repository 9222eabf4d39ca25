import "server-only";
import { randomBytes } from "node:crypto";
import { studioOrigin } from "@/lib/auth/same-origin";

// The security headers that depend on how the studio is reached, decided per request because
// STUDIO_URL and TRUSTED_PROXIES are run-time settings: the pages' Content-Security-Policy
// (proxy.ts) and HSTS. The headers that never vary are set for every response in next.config.ts.

export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/**
 * Whether the browser reached the studio over HTTPS: STUDIO_URL's scheme when set, otherwise
 * what a trusted proxy says (studioOrigin believes X-Forwarded-Proto only behind TRUSTED_PROXIES).
 */
export function isServedOverHttps(request: Request): boolean {
  return studioOrigin(request).startsWith("https:");
}

/** Adds HSTS to `response` when the request came over HTTPS; a plain-HTTP studio never sends it. */
export function withTransportSecurity(response: Response, request: Request): Response {
  if (isServedOverHttps(request)) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/** A fresh, unguessable value for one page's CSP nonce. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * A page's Content-Security-Policy. Scripts run only with this response's nonce (Next.js puts it
 * on its own scripts) or when loaded by such a script ('strict-dynamic': page chunks, wavesurfer.js).
 */
export function contentSecurityPolicy(nonce: string, https: boolean): string {
  // React's development build evaluates code to rebuild server stacks; production never does.
  const evalInDevelopment = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${evalInDevelopment}`,
    // React renders style attributes (progress bars) and wavesurfer.js a <style> in its shadow
    // root; neither can carry a nonce, and a nonce in style-src would disable 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain HTTP (a LAN studio) this would send every request to an https:// that is not there.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
