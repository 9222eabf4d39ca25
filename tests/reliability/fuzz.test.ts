// The submit fuzz (bench/fuzz.ts runs a longer one): 600 seeded invalid requests generated
// from every model's capabilities, through the real POST /api/generations and POST /api/quote
// handlers as a signed-in owner. Every one must be refused with a 4xx that names the broken
// field (or a 400 where no field applies), none may reach the simulator, none may be a 5xx.
import { beforeAll, expect, it } from "vitest";
import { capabilities } from "@/lib/venice/capabilities";
import { createVeniceClient } from "@/lib/venice/client";
import { describeFinding, fuzzCatalog, generateFuzzCases, runFuzz, type FuzzRoute } from "@/bench/harness/fuzz";
import { signInAs } from "../support/members";
import { call } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

const SEED = Number(process.env.FUZZ_SEED) || 20_261_125;
const CASES = 600;

const studio = setUpStudio({ simulator: { balanceUsd: 1_000, models: fuzzCatalog() } });

beforeAll(async () => {
  await signInAs(studio.database.url, "owner");
});

async function send(route: FuzzRoute, init: RequestInit): Promise<Response> {
  const { POST } = route === "/api/generations" ? await import("@/app/api/generations/route") : await import("@/app/api/quote/route");
  return call(POST, route, init);
}

it(`refuses ${CASES} generated invalid requests with field errors, and none reaches Venice (seed ${SEED})`, { timeout: 120_000 }, async () => {
  const { models } = await createVeniceClient({ baseUrl: studio.sim.url, apiKey: studio.sim.apiKey }).listMusicModels();
  const catalog = models.map(capabilities);
  const cases = generateFuzzCases(catalog, { count: CASES, seed: SEED });
  // Every model of the catalog is fuzzed, the unusable ones included.
  expect(catalog.every((model) => cases.some((fuzzCase) => fuzzCase.model === model.id))).toBe(true);

  const result = await runFuzz({ cases, send, sim: studio.sim });
  const findings = [...result.serverErrors, ...result.accepted, ...result.wrongFieldErrors, ...result.leaks].map(describeFinding);
  expect(findings, `seed ${SEED}`).toEqual([]);
  expect(result.total).toBe(CASES);
  expect(result.refusedWithFields + result.refusedWithoutField).toBe(CASES);
  expect(result.refusedWithFields).toBeGreaterThan(CASES * 0.7);
  expect(result.byRoute["/api/quote"]).toBeGreaterThan(100);
  expect(result.reachedSimulator).toBe(0);
  // The catalog was read from the simulator: the requests did go through the real path.
  expect(studio.sim.control.requests().some((request) => request.endpoint === "models")).toBe(true);
});

// What the fuzz found: unknown settings were refused under "_" rather than by name, and a
// "__proto__" setting was dropped silently (the request then queued on Venice).
it.each([
  ["tempo", 120],
  ["constructor", 1],
  ["__proto__", { prompt: "an inherited prompt text" }],
])("names the unknown setting %s in its refusal", async (name, value) => {
  const request = `{"prompt": "A calm piano piece in the rain", "duration_seconds": 30, ${JSON.stringify(name)}: ${JSON.stringify(value)}}`;
  const response = await send("/api/generations", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `unknown-${name}` },
    body: `{"model": "stable-audio-25", "request": ${request}}`,
  });
  expect(response.status).toBe(400);
  const answer = JSON.parse(await response.text()) as { fields: Record<string, string[]> };
  expect(Object.keys(answer.fields)).toEqual([name]);
  expect(Object.getOwnPropertyDescriptor(answer.fields, name)?.value).toEqual([`Stable Audio 2.5 has no setting called "${name}".`]);
});

it("sends a valid request through the same path, so refusals are not an accident of the setup", async () => {
  const quotesBefore = studio.sim.control.requests().filter((request) => request.endpoint === "quote").length;
  const response = await send("/api/quote", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "stable-audio-25", request: { prompt: "A calm piano piece in the rain", duration_seconds: 30 } }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ usd: expect.any(Number) });
  expect(studio.sim.control.requests().filter((request) => request.endpoint === "quote")).toHaveLength(quotesBefore + 1);
});
