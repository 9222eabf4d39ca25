import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/routes";
import { signInAs } from "../support/members";
import { setUpStudio } from "../support/studio-harness";

const studio = setUpStudio({ simulator: { balanceUsd: 42.5 } });

beforeAll(async () => {
  await signInAs(studio.database.url, "owner");
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

    studio.sim.control.setBalance(0.07);
    expect(await (await getBalance()).json()).toEqual({ usd: 0.07 });
  });

  it("answers null, not an error, when Venice cannot tell the balance", async () => {
    studio.sim.control.injectFault({ kind: "error", status: 500, endpoint: "balance", count: 20 });
    const response = await getBalance();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ usd: null });
    studio.sim.control.clearFaults();
  });
});
