import { beforeAll, describe, expect, it } from "vitest";
import { unusedPort } from "../support/ports";
import { call, jsonInit } from "../support/routes";
import { signInAs } from "../support/members";
import { setUpStudio } from "../support/studio-harness";

const studio = setUpStudio({ env: { VENICE_API_KEY: "key-of-an-unreachable-venice" } });

beforeAll(async () => {
  process.env.VENICE_API_BASE = `http://127.0.0.1:${await unusedPort()}/api/v1`;
  await signInAs(studio.database.url, "owner");
});

const UNREACHABLE = { error: "The studio could not reach Venice. Check the server's internet connection." };

describe("Venice unreachable", () => {
  it("answers GET /api/models with 502 and a clear message", async () => {
    const { GET } = await import("@/app/api/models/route");
    const response = await call(GET, "/api/models");
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual(UNREACHABLE);
  });

  it("answers POST /api/quote and POST /api/generations with 502, storing nothing", async () => {
    const { POST: quote } = await import("@/app/api/quote/route");
    const body = { model: "stable-audio-25", request: { prompt: "a calm piano piece" } };
    const quoted = await call(quote, "/api/quote", jsonInit("POST", body));
    expect(quoted.status).toBe(502);
    expect(await quoted.json()).toEqual(UNREACHABLE);

    const { POST: submit } = await import("@/app/api/generations/route");
    const submitted = await call(submit, "/api/generations", jsonInit("POST", body, { "idempotency-key": "unreachable-1" }));
    expect(submitted.status).toBe(502);
    expect(await submitted.json()).toEqual(UNREACHABLE);
    const { db } = await import("@/lib/db/client");
    const prisma = await db();
    expect(await prisma.generation.count()).toBe(0);
    await prisma.$disconnect();
  });
});
