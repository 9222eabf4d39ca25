// bench/load: the studio under load, as two instances on one database sharing one Venice key.
// Run: npx tsx --conditions=react-server bench/load.ts [jobs] [speed] [submits]
//      (default 20 jobs, speed 20, 50 submits)
//
// Time is scaled down by `speed`: the simulator's job times and its rate windows (Venice's
// real limits, 40 queue and 120 retrieve calls a minute, over a window `speed` times shorter),
// the workers' poll and backoff times and their shared budgets (100 retrieves and 30 queues a
// minute, `speed` times faster, same bursts) alike. Every figure is in Venice time: "a minute"
// is a window of 60 s / speed on the simulator's own arrival times.
//
// 1. Caps: `submits` concurrent submits through submitGeneration, alternating between the two
//    instances, against a studio cap of $0.75 (two uncapped members), then a member's cap of
//    $0.50 (one member), at $0.03 a take. Overspend = ledger total − cap (target ≤ 0), accepted
//    = floor(cap / price) exactly; then the accepted jobs run, and what Venice queued and
//    charged must be exactly what was accepted.
// 2. Load: `jobs` jobs submitted at once (half through each instance) and run by both workers
//    to completion. Targets: at most 100 retrieve calls in any Venice minute, no 429, all done.
//    How many calls 20 jobs ask for depends on their drawn durations; note that the shared
//    budget (lib/generations/rate-budget.ts) lets its burst (10) plus its rate (100) into any
//    one minute, so when demand runs into it this figure can reach 110.

import path from "node:path";
import { Prisma } from "@/lib/db/generated/client";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { startVeniceSimulator } from "@/lib/venice-sim/server";
import { overspendUsd, raceCap, runConcurrentJobs, settleAtVenice, startTwoInstances, type CapRaceResult } from "./harness/load";
import { reportFigures, type BenchFigure } from "./report";
import { cachedRenderer, scaledSimulatorOptions, withEmbeddedPostgres } from "./sim-studio";

const JOBS = Number(process.argv[2]) || 20;
const SPEED = Number(process.argv[3]) || 20;
const SUBMITS = Number(process.argv[4]) || 50;
const SEED = Math.floor(Math.random() * 2 ** 31);
// Far beyond what the jobs need (a few Venice minutes): a stuck job fails the run instead of hanging it.
const TIMEOUT_MS = (20 * 60_000) / SPEED;

async function main(): Promise<void> {
  await withEmbeddedPostgres("load", async (databaseUrl, dir) => {
    const sim = await startVeniceSimulator({
      port: 0,
      ...scaledSimulatorOptions(SPEED),
      seed: SEED,
      balanceUsd: 1_000,
      render: await cachedRenderer(),
      renderConcurrency: 64,
    });
    const studio = await startTwoInstances({ databaseUrl, sim, storage: new LocalDiskStorage(path.join(dir, "storage")), speed: SPEED });
    try {
      console.log(`bench/load: 2 instances, ${JOBS} concurrent jobs, ${SUBMITS} concurrent submits per cap, simulator speed ${SPEED}, seed ${SEED}`);
      const balanceBeforeUsd = sim.control.balanceUsd();
      sim.control.clearRequests();
      // The studio's race first: it needs a month with nothing spent yet.
      const races = [await raceCap(studio, "studio", "0.75", SUBMITS), await raceCap(studio, "member", "0.50", SUBMITS)];
      const venice = await settleAtVenice(studio, sim, races, balanceBeforeUsd, TIMEOUT_MS);
      const load = await runConcurrentJobs(studio, sim, SPEED, JOBS, TIMEOUT_MS);

      const accepted = races.reduce((sum, race) => sum + race.accepted, 0);
      const ledgerUsd = races.reduce((sum, race) => sum.plus(race.ledgerUsd), new Prisma.Decimal(0));
      const rateLimited = venice.rateLimited + load.rateLimited;
      reportFigures(
        "load",
        [
          { figure: `peak retrieve calls in any minute (${JOBS} jobs, 2 instances)`, value: String(load.peakRetrievesPerMinute), target: "≤ 100", pass: load.peakRetrievesPerMinute <= 100 },
          { figure: "429s seen by the studio", value: String(rateLimited), target: "0", pass: rateLimited === 0 },
          { figure: "jobs completed", value: `${load.completed}/${load.jobs}`, target: `${load.jobs}/${load.jobs}`, pass: load.completed === load.jobs },
          ...races.flatMap(raceFigures),
          { figure: "queued at Venice past the caps", value: String(venice.queued - accepted), target: "0", pass: venice.queued === accepted },
          { figure: "Venice charged − ledger", value: `$${venice.chargedUsd.minus(ledgerUsd).toFixed(2)}`, target: "$0.00", pass: venice.chargedUsd.equals(ledgerUsd) },
        ],
        [
          `Speed ${SPEED}, seed ${SEED}; figures in Venice time.`,
          `Load: ${load.retrieveCalls} retrieve calls for ${JOBS} jobs (${(load.retrieveCalls / JOBS).toFixed(1)} a job) over ${load.veniceMinutes.toFixed(1)} Venice minutes.`,
          ...races.map(
            (race) =>
              `${race.cap} cap $${race.capUsd.toFixed(2)}: ${race.accepted} of ${race.submits} accepted at $${race.priceUsd.toFixed(2)}, ledger $${race.ledgerUsd.toFixed(2)}.`,
          ),
          `Venice queued ${venice.queued} jobs for the ${accepted} accepted and charged $${venice.chargedUsd.toFixed(2)} (ledger $${ledgerUsd.toFixed(2)}).`,
          `429s: ${venice.rateLimited} while the accepted jobs ran, ${load.rateLimited} under load.`,
          ...races.flatMap((race) => race.unexpectedErrors.map((error) => `${race.cap} cap race, refused other than by the cap: ${error}`)),
        ].join("\n"),
      );
    } finally {
      await studio.stop();
      await sim.close();
    }
  });
}

function raceFigures(race: CapRaceResult): BenchFigure[] {
  const overspend = overspendUsd(race);
  return [
    {
      figure: `${race.cap} cap: overspend (${race.submits} concurrent submits)`,
      value: `$${overspend.toFixed(2)}`,
      target: "$0.00",
      pass: overspend.isZero(),
    },
    {
      figure: `${race.cap} cap: submits accepted`,
      value: String(race.accepted),
      target: `= ${race.allowed} (floor($${race.capUsd.toFixed(2)} / $${race.priceUsd.toFixed(2)}))`,
      pass: race.accepted === race.allowed && race.unexpectedErrors.length === 0,
    },
  ];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
