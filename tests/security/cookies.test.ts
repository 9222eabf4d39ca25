// A browser drops a Secure cookie over plain HTTP: a studio reached at http://192.168.x.x:3000
// must send its session cookie without Secure, and one served over HTTPS (STUDIO_URL, or a
// trusted proxy's X-Forwarded-Proto) with it. In production, as `npm start` runs the studio.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createMember, TEST_PASSWORD, type TestMember } from "../support/members";
import { setStudioEnv } from "../support/studio-env";
import { setUpStudio } from "../support/studio-harness";

// better-auth reads NODE_ENV once, when it is first imported.
vi.hoisted(() => {
  (process.env as Record<string, string>).NODE_ENV = "production";
});

const HOST = "studio.test";
const PROXY = "10.0.0.5";
const studio = setUpStudio({ env: { STUDIO_URL: undefined, TRUSTED_PROXIES: undefined } });
let member: TestMember;

beforeAll(async () => {
  setStudioEnv({});
  member = await createMember(studio.database.url, "owner");
});

/** Signs the member in through the studio's auth route, as a browser on `origin` would. */
async function signIn(origin: string, headers: Record<string, string> = {}): Promise<string[]> {
  const { POST } = await import("@/app/api/auth/[...all]/route");
  const response = await POST(
    new Request(`http://${HOST}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...headers },
      body: JSON.stringify({ email: member.email, password: TEST_PASSWORD }),
    }),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  const cookies = response.headers.getSetCookie();
  expect(cookies.some((cookie) => cookie.includes("session_token="))).toBe(true);
  return cookies;
}

const isSecure = (cookie: string) => /;\s*secure\s*(;|$)/i.test(cookie);

describe("session cookies", () => {
  it("are not Secure over plain HTTP with STUDIO_URL unset, so a LAN studio can sign people in", async () => {
    setStudioEnv({ STUDIO_URL: undefined, TRUSTED_PROXIES: undefined });
    const cookies = await signIn(`http://${HOST}`);
    expect(cookies.filter(isSecure)).toEqual([]);
    expect(cookies.filter((cookie) => cookie.startsWith("__Secure-"))).toEqual([]);
  });

  it("are Secure when STUDIO_URL is https", async () => {
    setStudioEnv({ STUDIO_URL: `https://${HOST}`, TRUSTED_PROXIES: undefined });
    const cookies = await signIn(`https://${HOST}`);
    expect(cookies.every(isSecure)).toBe(true);
  });

  it("are Secure when a trusted proxy says the browser came over HTTPS", async () => {
    setStudioEnv({ STUDIO_URL: undefined, TRUSTED_PROXIES: PROXY });
    const cookies = await signIn(`https://${HOST}`, { "x-forwarded-proto": "https", "x-forwarded-for": `203.0.113.7, ${PROXY}` });
    expect(cookies.every(isSecure)).toBe(true);
  });

  it("are not Secure when a client itself claims HTTPS with no trusted proxies", async () => {
    setStudioEnv({ STUDIO_URL: undefined, TRUSTED_PROXIES: undefined });
    const cookies = await signIn(`http://${HOST}`, { "x-forwarded-proto": "https" });
    expect(cookies.filter(isSecure)).toEqual([]);
  });

  it("are not Secure behind a trusted proxy that says the browser came over HTTP", async () => {
    setStudioEnv({ STUDIO_URL: undefined, TRUSTED_PROXIES: PROXY });
    const cookies = await signIn(`http://${HOST}`, { "x-forwarded-proto": "http", "x-forwarded-for": `203.0.113.7, ${PROXY}` });
    expect(cookies.filter(isSecure)).toEqual([]);
  });
});
