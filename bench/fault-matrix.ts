// bench/fault-matrix: every simulator fault at every lifecycle step (quote, queue, retrieve
// while processing, retrieve of the audio, complete), plus the simulator's prompt markers, one
// job per cell through submit and the worker; prints the state each cell ends in.
// Run: npx tsx --conditions=react-server bench/fault-matrix.ts [timeoutMs]
//      (timeoutMs: the studio's Venice timeout, how long a hung call waits; default 2000)
//
// Starts its own embedded PostgreSQL in a temp dir and the simulator (speed 1, faults on);
// the runner is bench/harness/fault-matrix.ts, which tests/reliability also runs.
// Targets: 0 jobs stuck, 0 queued twice, 0 paid on Venice and lost (charged without a stored
// track, yet not reported expired or uncertain), 0 failed jobs left unrefunded in the ledger,
// and the worker completes a plain job after every cell.

import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { startVeniceSimulator } from "@/lib/venice-sim/server";
import { cellText, faultMatrixSimulatorOptions, matrixFigures, recordingRenderer, runFaultMatrix } from "./harness/fault-matrix";
import { reportFigures, zeroFigure } from "./report";
import { withEmbeddedPostgres } from "./sim-studio";

const TIMEOUT_MS = Number(process.argv[2]) || 2_000;

async function main(): Promise<void> {
  await withEmbeddedPostgres("fault-matrix", run);
}

async function run(databaseUrl: string, dir: string): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const { served, render } = recordingRenderer();
  const sim = await startVeniceSimulator(faultMatrixSimulatorOptions(render));
  try {
    console.log(`bench/fault-matrix: Venice timeout ${TIMEOUT_MS} ms`);
    const started = Date.now();
    const { cells, markdown } = await runFaultMatrix({
      prisma,
      databaseUrl,
      sim,
      served,
      storage: new LocalDiskStorage(path.join(dir, "storage")),
      timeoutMs: TIMEOUT_MS,
      onCell: (cell) => console.log(`  ${cell.row} @ ${cell.step}: ${cellText(cell)}`),
    });
    const figures = matrixFigures(cells);
    reportFigures(
      "fault-matrix",
      [
        { figure: "cells run", value: String(figures.cells) },
        zeroFigure("jobs stuck", figures.stuck),
        zeroFigure("jobs queued twice", figures.doubleQueued),
        zeroFigure("paid and lost", figures.paidAndLost),
        zeroFigure("failed, not refunded", figures.unrefunded),
        zeroFigure("worker not recovered", figures.notRecovered),
        { figure: "run time", value: `${((Date.now() - started) / 1000).toFixed(0)} s` },
      ],
      markdown,
    );
  } finally {
    await sim.close();
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
