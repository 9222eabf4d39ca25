// bench/fuzz: seeded invalid generation requests, generated from every model's capabilities,
// sent to the real POST /api/generations and POST /api/quote handlers (in-process, as a
// signed-in owner); counts how many were refused with a field error naming what was wrong,
// how many reached Venice and how many got a 5xx.
// Run: npx tsx --conditions=react-server bench/fuzz.ts [requests] [seed]
//      (default 2000 requests, a random seed; the seed is printed, so a run can be replayed)
//
// Starts its own embedded PostgreSQL in a temp dir and the simulator (with an offline model,
// a voice changer and a language-code model added to Venice's catalog); the generator and the
// counting are bench/harness/fuzz.ts, which tests/reliability also runs.
// Targets: every request refused (a 4xx naming the broken field, or a 400 where no field
// applies: malformed JSON, a body that is not an object, no usable Idempotency-Key),
// 0 reaching the simulator, 0 answered with a 5xx.

import { capabilities } from "@/lib/venice/capabilities";
import { createVeniceClient } from "@/lib/venice/client";
import { startVeniceSimulator } from "@/lib/venice-sim/server";
import { signInAs } from "@/tests/support/members";
import { call } from "@/tests/support/routes";
import { describeFinding, fuzzCatalog, generateFuzzCases, runFuzz } from "./harness/fuzz";
import { reportFigures, zeroFigure } from "./report";
import { withEmbeddedPostgres } from "./sim-studio";

const REQUESTS = Number(process.argv[2]) || 2_000;
const SEED = Number(process.argv[3]) || Math.floor(Math.random() * 2 ** 31);
// Findings printed in full; the rest are counted.
const FINDINGS_SHOWN = 20;

async function main(): Promise<void> {
  await withEmbeddedPostgres("fuzz", run);
}

async function run(databaseUrl: string): Promise<void> {
  const sim = await startVeniceSimulator({ port: 0, speed: 100, balanceUsd: 1_000, models: fuzzCatalog() });
  // The studio reads its settings once, on first use: point it at this database and simulator.
  process.env.DATABASE_URL = databaseUrl;
  process.env.VENICE_API_BASE = sim.url;
  process.env.VENICE_API_KEY = sim.apiKey;
  process.env.LOG_LEVEL = "silent";
  try {
    await signInAs(databaseUrl, "owner");
    const handlers = {
      "/api/generations": (await import("@/app/api/generations/route")).POST,
      "/api/quote": (await import("@/app/api/quote/route")).POST,
    };
    const { models } = await createVeniceClient({ baseUrl: sim.url, apiKey: sim.apiKey }).listMusicModels();
    const cases = generateFuzzCases(models.map(capabilities), { count: REQUESTS, seed: SEED });
    console.log(`bench/fuzz: ${REQUESTS} invalid requests over ${models.length} models, seed ${SEED}`);

    const started = Date.now();
    const result = await runFuzz({ cases, send: (route, init) => call(handlers[route], route, init), sim });
    const seconds = (Date.now() - started) / 1000;

    const findings = [...result.serverErrors, ...result.accepted, ...result.wrongFieldErrors, ...result.leaks];
    for (const finding of findings.slice(0, FINDINGS_SHOWN)) console.log(`  finding ${describeFinding(finding)}`);
    if (findings.length > FINDINGS_SHOWN) console.log(`  … and ${findings.length - FINDINGS_SHOWN} more`);

    const refused = result.refusedWithFields + result.refusedWithoutField;
    reportFigures("fuzz", [
      { figure: "invalid requests sent", value: `${result.total} (generations ${result.byRoute["/api/generations"]}, quote ${result.byRoute["/api/quote"]})`, target: "≥ 500", pass: result.total >= 500 },
      { figure: "seed", value: String(SEED) },
      { figure: "refused correctly", value: `${refused} / ${result.total}`, target: "all", pass: refused === result.total },
      { figure: "… with field errors", value: String(result.refusedWithFields) },
      { figure: "… no field applies (400 {error})", value: String(result.refusedWithoutField) },
      zeroFigure("refused without the right field", result.wrongFieldErrors.length),
      zeroFigure("accepted (2xx)", result.accepted.length),
      zeroFigure("server errors (5xx)", result.serverErrors.length),
      zeroFigure("calls that reached the simulator", result.reachedSimulator),
      { figure: "requests per second", value: (result.total / seconds).toFixed(0) },
    ]);
  } finally {
    const { db } = await import("@/lib/db/client");
    await (await db()).$disconnect();
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
