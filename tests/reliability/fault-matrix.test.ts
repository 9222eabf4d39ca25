// A representative part of the fault matrix (bench/fault-matrix.ts runs all of it): every
// fault row and every lifecycle step at least once, each cell one real job through submit and
// the worker against the simulator over HTTP. Each cell must end where the studio promises,
// and keep the invariants: nothing stuck, nothing queued twice, nothing paid and lost, every
// failed job refunded, and the worker still completes a plain job afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestPrisma, type TestPrisma } from "@/tests/support/generation-harness";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { startVeniceSimulator, type VeniceSimulator } from "@/lib/venice-sim/server";
import { cellText, faultMatrixSimulatorOptions, matrixFigures, recordingRenderer, runFaultMatrix, type Step } from "@/bench/harness/fault-matrix";

// The expected end of each cell run here: row → step → cell text.
const EXPECTED: Record<string, Partial<Record<Step, string>>> = {
  "429 (Retry-After 1 s)": { queue: "completed · 2 queue calls", complete: "completed" },
  "500": { queue: "uncertain (QUEUE_UNCONFIRMED) · not charged on Venice", "retrieve (processing)": "completed" },
  "503": { quote: "refused at submit (503)", queue: "completed · 2 queue calls" },
  "hang (no answer)": { queue: "uncertain (QUEUE_UNCONFIRMED) · not charged on Venice", "retrieve (audio)": "completed" },
  "hang, then a late answer": { queue: "completed" },
  "hang, then connection dropped": { queue: "uncertain (QUEUE_UNCONFIRMED) · not charged on Venice", "retrieve (processing)": "completed" },
  "lost answer (call took effect)": { queue: "uncertain (QUEUE_UNCONFIRMED) · charged on Venice", complete: "completed" },
  "truncated audio": { "retrieve (audio)": "completed" },
  "[sim:violation]": { queue: "failed (CONTENT_VIOLATION) · refunded" },
  "[sim:fail]": { "retrieve (processing)": "failed (INFERENCE_FAILED) · refunded" },
  "[sim:violation-late]": { "retrieve (audio)": "failed (CONTENT_VIOLATION) · refunded" },
  "[sim:invalid-late]": { "retrieve (audio)": "failed (BAD_REQUEST) · refunded" },
  "[sim:expire]": { "retrieve (audio)": "expired · charged on Venice" },
};

let database: TestPrisma;
let sim: VeniceSimulator;
let storageDir: string;
const renderer = recordingRenderer();

beforeAll(async () => {
  database = await createTestPrisma();
  storageDir = mkdtempSync(path.join(tmpdir(), "studio-fault-matrix-"));
  sim = await startVeniceSimulator(faultMatrixSimulatorOptions(renderer.render));
});

afterAll(async () => {
  await sim?.close();
  await database?.close();
  rmSync(storageDir, { recursive: true, force: true });
});

it("every fault at its steps ends where the studio promises, and keeps the invariants", { timeout: 120_000 }, async () => {
  const { cells, markdown } = await runFaultMatrix({
    prisma: database.prisma,
    databaseUrl: database.database.url,
    sim,
    served: renderer.served,
    storage: new LocalDiskStorage(storageDir),
    // Short enough to keep the run brief, long enough for a busy test machine's pauses.
    timeoutMs: 3_000,
    include: (row, step) => EXPECTED[row.name]?.[step] !== undefined,
  });

  const ran = Object.fromEntries(cells.map((cell) => [`${cell.row} @ ${cell.step}`, cellText(cell)]));
  const expected = Object.fromEntries(
    Object.entries(EXPECTED).flatMap(([row, steps]) => Object.entries(steps).map(([step, text]) => [`${row} @ ${step}`, text])),
  );
  expect(ran).toEqual(expected);
  expect(matrixFigures(cells)).toEqual({ cells: 19, stuck: 0, doubleQueued: 0, paidAndLost: 0, unrefunded: 0, notRecovered: 0 });
  expect(cells.flatMap((cell) => cell.violations)).toEqual([]);

  // The Markdown report: one row per fault, "—" where a fault cannot act at a step.
  expect(markdown.split("\n")[0]).toBe("| fault | quote | queue | retrieve (processing) | retrieve (audio) | complete |");
  expect(markdown).toContain("| truncated audio | — | — | — | completed | — |");
  expect(markdown).toContain("| 503 | refused at submit (503) | completed · 2 queue calls | (not run) | (not run) | (not run) |");
});
