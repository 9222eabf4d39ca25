import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { parseJsonBody, parseQuery } from "@/lib/api/input";
import { canManage, hasRole, type Member } from "@/lib/api/member";
import { route } from "@/lib/api/route";
import { VeniceError } from "@/lib/venice/errors";
import { call, jsonInit } from "../support/routes";

beforeAll(() => {
  process.env.LOG_LEVEL = "silent";
});

describe("route()", () => {
  it("hands the handler the request, params and the local owner, and answers JSON", async () => {
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
      member: { id: "local-owner", name: "Studio owner", role: "owner" },
    });
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

  it("answers Venice failures with Venice's user message: 402, 422, else 502", async () => {
    for (const [code, status] of [
      ["INSUFFICIENT_BALANCE", 402],
      ["CONTENT_VIOLATION", 422],
      ["TIMEOUT", 502],
      ["RATE_LIMITED", 502],
      ["UNAUTHORIZED", 502],
    ] as const) {
      const error = new VeniceError(code, { status: 0, message: "developer detail with secrets" });
      const response = await call(route(async () => Promise.reject(error)), "/api/venice");
      expect(response.status, code).toBe(status);
      expect(await response.json()).toEqual({ error: error.userMessage });
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
  const member = (role: Member["role"], id = "m-1"): Member => ({ id, name: "Someone", role });

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
