import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVeniceSimulator, type VeniceSimulator } from "@/lib/venice-sim/server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { call } from "../support/routes";
import { signInAs } from "../support/members";

let database: TestDatabase;
let sim: VeniceSimulator;

beforeAll(async () => {
  database = await createTestDatabase();
  sim = await startVeniceSimulator({ port: 0, speed: 100, balanceUsd: 42.5 });
  process.env.DATABASE_URL = database.url;
  process.env.VENICE_API_BASE = sim.url;
  process.env.VENICE_API_KEY = sim.apiKey;
  process.env.LOG_LEVEL = "silent";
  await signInAs(database.url, "owner");
});
afterAll(async () => {
  await sim.close();
  await database.drop();
});

async function getBalance() {
  const { GET } = await import("@/app/api/balance/route");
  return call(GET, "/api/balance");
}

describe("GET /api/balance", () => {
  it("answers Venice's USD balance, and follows it as it changes", async () => {
    const first = await getBalance();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ usd: 42.5 });

    sim.control.setBalance(0.07);
    expect(await (await getBalance()).json()).toEqual({ usd: 0.07 });
  });

  it("answers null, not an error, when Venice cannot tell the balance", async () => {
    sim.control.injectFault({ kind: "error", status: 500, endpoint: "balance", count: 20 });
    const response = await getBalance();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ usd: null });
    sim.control.clearFaults();
  });
});
