import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase, type TestDatabase } from "../support/database";
import { withClient } from "../support/with-client";

let database: TestDatabase;

beforeAll(async () => {
  database = await createEmptyDatabase();
  // The studio reads its settings once; point it at this file's throwaway database.
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL = "silent";
  delete process.env.VENICE_API_KEY;
});
afterAll(() => database.drop());

describe("GET /api/health", () => {
  it("migrates the database on first use and reports demo mode", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET(new Request("http://studio.test/api/health"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, mode: "demo", db: "ok" });

    const tables = await withClient(database.url, async (client) =>
      (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map((r) => r.tablename),
    );
    expect(tables).toEqual(
      ["Favorite", "Generation", "Invite", "LedgerEntry", "ShareLink", "StudioSettings", "Track", "VeniceRateBudget", "_prisma_migrations", "account", "rateLimit", "session", "user", "verification"].sort(),
    );
  });

  it("answers 503 with db down when the database is gone, without leaking internals", async () => {
    const { GET } = await import("@/app/api/health/route");
    const { db } = await import("@/lib/db/client");
    await (await db()).$disconnect();
    await database.drop();
    const response = await GET(new Request("http://studio.test/api/health"), { params: Promise.resolve({}) });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, mode: "demo", db: "down" });
  });
});
