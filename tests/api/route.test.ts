import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { parseJsonBody, parseQuery } from "@/lib/api/input";
import { canManage, hasRole, type Member } from "@/lib/auth/member";
import { route } from "@/lib/api/route";
import { apiMessage } from "@/lib/failure-wording";
import { VeniceError } from "@/lib/venice/errors";
import { createMember, signInAs, type TestMember } from "../support/members";
import { call, jsonInit, STUDIO } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

const studio = setUpStudio();
let owner: TestMember;

beforeAll(async () => {
  owner = await signInAs(studio.database.url, "owner");
});

describe("route()", () => {
  it("hands the handler the request, params and the signed-in member, and answers JSON", async () => {
    const handler = route<{ id: string }>({ role: "owner" }, async ({ request, params, member }) => ({
      method: request.method,
      id: params.id,
      member,
    }));
    const response = await call(handler, "/api/things/42", { method: "POST" }, { id: "42" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      method: "POST",
      id: "42",
      member: { id: owner.id, name: expect.any(String), email: owner.email, role: "owner" },
    });
  });

  it("answers 401 without a session and 403 without the role", async () => {
    const handler = route({ role: "admin" }, async () => ({ ok: true }));
    expect((await call(handler, "/api/x", { headers: { cookie: "" } })).status).toBe(401);
    expect((await call(handler, "/api/x", { headers: { cookie: "better-auth.session_token=forged.value" } })).status).toBe(401);
    const member = await createMember(studio.database.url, "member");
    const refused = await call(handler, "/api/x", { headers: { cookie: member.cookie } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "This needs the admin role." });
    expect((await call(handler, "/api/x")).status).toBe(200);
  });

  it("does not let a client's own X-Forwarded-Host or -Proto vouch for another site, unless a proxy is trusted", async () => {
    const handler = route(async () => ({ ok: true }));
    const forged = { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    expect((await call(handler, "/api/x", { method: "POST", headers: forged })).status).toBe(403);
    const { env } = await import("@/lib/env");
    const settings = env() as { TRUSTED_PROXIES?: string[] };
    settings.TRUSTED_PROXIES = ["10.0.0.5"];
    try {
      // Behind a trusted proxy the forwarded headers are the proxy's (the front door drops a client's).
      expect((await call(handler, "/api/x", { method: "POST", headers: forged })).status).toBe(200);
    } finally {
      delete settings.TRUSTED_PROXIES;
    }
  });

  it("refuses a state change sent from another site, and allows one from the studio or a non-browser client", async () => {
    const handler = route(async () => ({ ok: true }));
    const post = (headers: Record<string, string>) => call(handler, "/api/x", { method: "POST", headers });
    expect((await post({ origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ origin: "null" })).status).toBe(403);
    const crossSite = new Request(`${STUDIO}/api/x`, { method: "POST", headers: { "sec-fetch-site": "cross-site", cookie: owner.cookie } });
    expect((await handler(crossSite, { params: Promise.resolve({}) })).status).toBe(403);
    expect((await post({ origin: STUDIO })).status).toBe(200);
    const curl = new Request(`${STUDIO}/api/x`, { method: "POST", headers: { cookie: owner.cookie } });
    expect((await handler(curl, { params: Promise.resolve({}) })).status).toBe(200);
    // Reading is never refused for its origin (a GET changes nothing).
    expect((await call(handler, "/api/x", { headers: { origin: "https://evil.example" } })).status).toBe(200);
  });

  it("passes a Response through untouched", async () => {
    const response = await call(route(async () => new Response("raw", { status: 201 })), "/api/raw");
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("raw");
  });

  it("answers an ApiError with its status, message and fields", async () => {
    const handler = route(async () => {
      throw new ApiError("conflict", "Already taken.", { name: ["Pick another name."] });
    });
    const response = await call(handler, "/api/x");
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: "Already taken.", fields: { name: ["Pick another name."] } });
  });

  it("answers Venice failures with the code's own sentence: 402, 422, 503 while Venice is busy or down, else 502", async () => {
    for (const [code, status] of [
      ["INSUFFICIENT_BALANCE", 402],
      ["CONTENT_VIOLATION", 422],
      ["TIMEOUT", 502],
      ["RATE_LIMITED", 503],
      ["UNAVAILABLE", 503],
      ["UNAUTHORIZED", 502],
    ] as const) {
      const error = new VeniceError(code, { status: 0, message: "developer detail with secrets" });
      const response = await call(route(async () => Promise.reject(error)), "/api/venice");
      expect(response.status, code).toBe(status);
      // This harness runs in demo mode (no Venice key): the balance is worded as the simulator's.
      expect(await response.json()).toEqual({ error: apiMessage(code, "demo") });
    }
  });

  it("never leaks an unexpected error, nor a stray zod error, to the client", async () => {
    for (const error of [new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2"), z.string().safeParse(1).error]) {
      const response = await call(route(async () => Promise.reject(error)), "/api/boom");
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: "Something went wrong on the studio server." });
    }
  });
});

describe("input helpers", () => {
  const echo = route(async ({ request }) => ({
    query: parseQuery(request, z.object({ page: z.coerce.number().int().min(1).default(1) })),
    body: await parseJsonBody(request, z.strictObject({ name: z.string().min(1) })),
  }));

  it("parse a valid query and JSON body", async () => {
    const response = await call(echo, "/api/echo?page=3&page=4", jsonInit("POST", { name: "Ada" }));
    expect(await response.json()).toEqual({ query: { page: 4 }, body: { name: "Ada" } });
  });

  it("answer 400 with field errors for invalid input, and for a body that is not JSON", async () => {
    const badQuery = await call(echo, "/api/echo?page=0", jsonInit("POST", { name: "Ada" }));
    expect(badQuery.status).toBe(400);
    expect(Object.keys((await badQuery.json()).fields)).toEqual(["page"]);

    const badBody = await call(echo, "/api/echo", jsonInit("POST", { name: "", extra: 1 }));
    expect(badBody.status).toBe(400);
    expect(await badBody.json()).toEqual({
      error: "Some fields are invalid.",
      fields: { name: [expect.any(String)], _: [expect.stringContaining("extra")] },
    });

    for (const body of ["", "name=Ada", "{"]) {
      const response = await call(echo, "/api/echo", { method: "POST", body });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "The request body must be JSON." });
    }
  });
});

describe("roles", () => {
  const member = (role: Member["role"], id = "m-1"): Member => ({ id, name: "Someone", email: `${id}@studio.test`, role });

  it("rank owner above admin above member", () => {
    expect(hasRole(member("owner"), "admin")).toBe(true);
    expect(hasRole(member("admin"), "admin")).toBe(true);
    expect(hasRole(member("admin"), "owner")).toBe(false);
    expect(hasRole(member("member"), "member")).toBe(true);
    expect(hasRole(member("member"), "admin")).toBe(false);
  });

  it("let creators manage their own work and admins or owners anyone's", () => {
    expect(canManage(member("member", "ada"), "ada")).toBe(true);
    expect(canManage(member("member", "ada"), "bo")).toBe(false);
    expect(canManage(member("admin", "ada"), "bo")).toBe(true);
    expect(canManage(member("owner", "ada"), "bo")).toBe(true);
  });
});
