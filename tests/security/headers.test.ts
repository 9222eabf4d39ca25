// The security headers: every page's Content-Security-Policy with a nonce of its own
// (proxy.ts), the fixed headers on every response (next.config.ts), and HSTS on pages and API
// answers only when the studio is served over HTTPS.
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { config as proxyConfig } from "@/proxy";
import { setStudioEnv } from "../support/studio-env";

const STUDIO = "http://studio.test";
const PROXY = "10.0.0.5";

afterAll(() => setStudioEnv({ STUDIO_URL: undefined, TRUSTED_PROXIES: undefined }));

async function pageResponse(path: string, headers: Record<string, string> = {}) {
  const { proxy } = await import("@/proxy");
  return proxy(new NextRequest(`${STUDIO}${path}`, { headers }));
}

/** The policy's directives by name, e.g. `script-src` → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((directive) => {
    const [name = "", ...sources] = directive.trim().split(/\s+/);
    return [name, sources];
  }));
}

describe("the pages' Content-Security-Policy (proxy.ts)", () => {
  it("allows scripts only with a fresh nonce per page, and no framing", async () => {
    setStudioEnv({ STUDIO_URL: undefined, TRUSTED_PROXIES: undefined });
    const nonces = new Set<string>();
    for (let page = 0; page < 3; page++) {
      const policy = (await pageResponse("/library")).headers.get("content-security-policy")!;
      const scripts = directives(policy).get("script-src")!;
      const nonce = scripts.find((source) => source.startsWith("'nonce-"))!;
      expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22}==?'$/);
      nonces.add(nonce);
      expect(scripts).toContain("'strict-dynamic'");
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(directives(policy).get("frame-ancestors")).toEqual(["'none'"]);
      expect(directives(policy).get("object-src")).toEqual(["'none'"]);
      expect(directives(policy).get("default-src")).toEqual(["'self'"]);
    }
    expect(nonces.size).toBe(3);
  });

  it("hands Next.js the policy it answers with, in place of any the client sent", async () => {
    setStudioEnv({ STUDIO_URL: undefined, TRUSTED_PROXIES: undefined });
    const forged = "script-src 'nonce-chosenbytheclient'";
    const response = await pageResponse("/share/some-token", { "content-security-policy": forged });
    const policy = response.headers.get("content-security-policy")!;
    // What the page renders with (Next.js reads the nonce from this request header).
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(policy).not.toContain("chosenbytheclient");
  });

  it("runs on pages, and not on the API, Next's static files or public files", () => {
    const runsOn = (path: string) => unstable_doesMiddlewareMatch({ config: proxyConfig, url: `${STUDIO}${path}` });
    for (const path of ["/", "/library", "/share/abc_DEF-123", "/team", "/sign-in", "/nowhere"]) expect(runsOn(path), path).toBe(true);
    for (const path of ["/api/tracks", "/api/auth/sign-in/email", "/api", "/_next/static/chunks/main.js", "/_next/image", "/icon.svg", "/favicon.ico"]) {
      expect(runsOn(path), path).toBe(false);
    }
  });

  it("sends HSTS and upgrades requests only over HTTPS: STUDIO_URL https, or a trusted proxy's word", async () => {
    const hsts = async (headers: Record<string, string> = {}) => {
      const response = await pageResponse("/", headers);
      return {
        hsts: response.headers.get("strict-transport-security"),
        upgrades: directives(response.headers.get("content-security-policy")!).has("upgrade-insecure-requests"),
      };
    };
    setStudioEnv({ STUDIO_URL: undefined, TRUSTED_PROXIES: undefined });
    expect(await hsts()).toEqual({ hsts: null, upgrades: false });
    // A client's own X-Forwarded-Proto is not believed.
    expect(await hsts({ "x-forwarded-proto": "https" })).toEqual({ hsts: null, upgrades: false });

    setStudioEnv({ STUDIO_URL: "https://studio.test", TRUSTED_PROXIES: undefined });
    expect(await hsts()).toEqual({ hsts: "max-age=31536000", upgrades: true });

    setStudioEnv({ STUDIO_URL: undefined, TRUSTED_PROXIES: PROXY });
    expect(await hsts({ "x-forwarded-proto": "https" })).toEqual({ hsts: "max-age=31536000", upgrades: true });
    expect(await hsts({ "x-forwarded-proto": "http" })).toEqual({ hsts: null, upgrades: false });
  });
});

describe("the fixed headers (next.config.ts)", () => {
  async function configHeaders(path: string) {
    return (await unstable_getResponseFromNextConfig({ url: `${STUDIO}${path}`, nextConfig })).headers;
  }

  it("go on pages and API answers alike", async () => {
    for (const path of ["/", "/library", "/api/tracks/abc/audio", "/api/health"]) {
      const headers = await configHeaders(path);
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("x-frame-options"), path).toBe("DENY");
      expect(headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
      expect(headers.get("permissions-policy"), path).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    }
  });

  it("send no Referer at all from a share page, whose URL carries the link's token", async () => {
    expect((await configHeaders("/share/abc_DEF-123")).get("referrer-policy")).toBe("no-referrer");
  });
});

describe("API answers (lib/api/route.ts)", () => {
  async function answers() {
    const { publicRoute } = await import("@/lib/api/route");
    // This module instance's ApiError: the one the freshly imported wrapper recognises.
    const { ApiError } = await import("@/lib/errors");
    const ok = publicRoute(async () => ({ ok: true }));
    const refused = publicRoute(async () => {
      throw new ApiError("not_found", "No such thing.");
    });
    const call = (handler: typeof ok, headers: Record<string, string> = {}) =>
      handler(new Request(`${STUDIO}/api/x`, { headers }), { params: Promise.resolve({}) });
    return { ok, refused, call };
  }

  it("carry HSTS, errors included, only when the studio is served over HTTPS", async () => {
    setStudioEnv({ STUDIO_URL: undefined, TRUSTED_PROXIES: undefined });
    let { ok, refused, call } = await answers();
    expect((await call(ok)).headers.get("strict-transport-security")).toBeNull();
    expect((await call(ok, { "x-forwarded-proto": "https" })).headers.get("strict-transport-security")).toBeNull();

    setStudioEnv({ STUDIO_URL: "https://studio.test", TRUSTED_PROXIES: undefined });
    ({ ok, refused, call } = await answers());
    expect((await call(ok)).headers.get("strict-transport-security")).toBe("max-age=31536000");
    const error = await call(refused);
    expect(error.status).toBe(404);
    expect(error.headers.get("strict-transport-security")).toBe("max-age=31536000");

    setStudioEnv({ STUDIO_URL: undefined, TRUSTED_PROXIES: PROXY });
    ({ ok, refused, call } = await answers());
    expect((await call(ok, { "x-forwarded-proto": "https" })).headers.get("strict-transport-security")).toBe("max-age=31536000");
  });
});
