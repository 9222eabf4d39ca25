// The fault matrix: every simulator fault at every step of a generation's life, one job per
// cell through the real path (submitGeneration, then an in-process worker talking to the
// simulator over HTTP), and the state each cell ends in. Shared by bench/fault-matrix.ts (the
// whole matrix, as figures) and tests/reliability/fault-matrix.test.ts (which asserts the
// invariants); the caller owns the database, the simulator and the storage.
//
// The simulator must run with `enableFaults`, at speed 1, and with the renderer from
// `recordingRenderer()`: at speed 1 a job lasts seconds, so the matrix decides when it
// finishes (SimControl.finishJob) and can aim a retrieve fault at a job that is still
// processing or at the call that carries its audio. Cells run one at a time: the simulator's
// fault queue and balance are shared.
import { createHash } from "node:crypto";
import pino from "pino";
import type { Generation, GenerationStatus, PrismaClient } from "@/lib/db/generated/client";
import { ApiError, apiErrorFromVenice } from "@/lib/errors";
import { submitGeneration } from "@/lib/generations/submit";
import { startWorker, type WorkerOptions } from "@/lib/generations/worker";
import type { TrackStorage } from "@/lib/storage/track-storage";
import { capabilities } from "@/lib/venice/capabilities";
import { createVeniceClient } from "@/lib/venice/client";
import { VeniceError } from "@/lib/venice/errors";
import { renderTrack, type RenderOptions } from "@/lib/venice-sim/audio/render";
import type { FaultSpec, SimEndpoint } from "@/lib/venice-sim/faults";
import type { VeniceSimulator, VeniceSimulatorOptions } from "@/lib/venice-sim/server";

export const STEPS = ["quote", "queue", "retrieve (processing)", "retrieve (audio)", "complete"] as const;
export type Step = (typeof STEPS)[number];

const ENDPOINT_OF: Record<Step, SimEndpoint> = {
  quote: "quote",
  queue: "queue",
  "retrieve (processing)": "retrieve",
  "retrieve (audio)": "retrieve",
  complete: "complete",
};

/** One row: a queued fault aimed at any step, or a prompt marker that acts at its own step. */
export type FaultRow =
  | { name: string; kind: "fault"; fault: (timeoutMs: number) => FaultSpec; steps: readonly Step[] }
  | { name: string; kind: "marker"; marker: string; step: Step };

const EVERY_STEP = STEPS;

export const FAULT_ROWS: readonly FaultRow[] = [
  { name: "429 (Retry-After 1 s)", kind: "fault", fault: () => ({ kind: "error", status: 429, retryAfterSeconds: 1 }), steps: EVERY_STEP },
  { name: "500", kind: "fault", fault: () => ({ kind: "error", status: 500 }), steps: EVERY_STEP },
  { name: "503", kind: "fault", fault: () => ({ kind: "error", status: 503 }), steps: EVERY_STEP },
  { name: "hang (no answer)", kind: "fault", fault: () => ({ kind: "hang" }), steps: EVERY_STEP },
  // Well inside the client's timeout: a slow answer that still arrives.
  { name: "hang, then a late answer", kind: "fault", fault: (timeoutMs) => ({ kind: "hang", ms: Math.round(timeoutMs / 4) }), steps: EVERY_STEP },
  { name: "hang, then connection dropped", kind: "fault", fault: () => ({ kind: "hang", ms: 10, close: true }), steps: EVERY_STEP },
  { name: "lost answer (call took effect)", kind: "fault", fault: () => ({ kind: "hang", execute: true }), steps: EVERY_STEP },
  { name: "truncated audio", kind: "fault", fault: () => ({ kind: "truncate", fraction: 0.5 }), steps: ["retrieve (audio)"] },
  { name: "[sim:violation]", kind: "marker", marker: "[sim:violation]", step: "queue" },
  { name: "[sim:fail]", kind: "marker", marker: "[sim:fail]", step: "retrieve (processing)" },
  { name: "[sim:violation-late]", kind: "marker", marker: "[sim:violation-late]", step: "retrieve (audio)" },
  { name: "[sim:invalid-late]", kind: "marker", marker: "[sim:invalid-late]", step: "retrieve (audio)" },
  { name: "[sim:expire]", kind: "marker", marker: "[sim:expire]", step: "retrieve (audio)" },
];

export function rowApplies(row: FaultRow, step: Step): boolean {
  return row.kind === "fault" ? row.steps.includes(step) : row.step === step;
}

/** What one cell ended in. */
export type CellOutcome = {
  row: string;
  step: Step;
  /** The status the studio's API would have answered when submit itself failed. */
  refusedAtSubmit?: number;
  status?: GenerationStatus;
  errorCode?: string | null;
  /** Venice (the simulator's balance) kept money for it. */
  charged: boolean;
  /** Jobs the simulator made for it. */
  veniceJobs: number;
  queueCalls: number;
  /** The studio's ledger refunded its charge. */
  refunded: boolean;
  /** A Track is stored, and its file's sha256 matches both the row and the audio Venice served. */
  trackVerified: boolean;
  /** The fault was still pending when the job ended: the job never reached the faulted step. */
  faultUnused: boolean;
  /** A plain job submitted right after this cell completed with a verified track. */
  workerRecovered: boolean;
  /** Broken invariants, in words; empty when the cell is sound. */
  violations: string[];
};

export type FaultMatrixResult = { cells: CellOutcome[]; markdown: string };

export type FaultMatrixOptions = {
  prisma: PrismaClient;
  /** The database the worker LISTENs on for new submits (the one `prisma` uses). */
  databaseUrl: string;
  sim: VeniceSimulator;
  served: ServedAudio;
  storage: TrackStorage;
  /** The studio's Venice timeout: how long a hung call waits. Default 2 000 ms. */
  timeoutMs?: number;
  /** Which cells to run. Default: all. */
  include?: (row: FaultRow, step: Step) => boolean;
  /** Called after each cell (progress). */
  onCell?: (cell: CellOutcome) => void;
};

/** The simulator for the matrix: real time, faults on, and neither Venice's request limits nor its failed-4xx lock-out, which are not what it is about. */
export function faultMatrixSimulatorOptions(render: (options: RenderOptions) => Promise<Buffer>): VeniceSimulatorOptions {
  return {
    port: 0,
    speed: 1,
    enableFaults: true,
    balanceUsd: 1_000,
    rateLimits: { queuePerMinute: 1_000_000, retrievePerMinute: 1_000_000 },
    errorBudget: { maxFailures: 1_000_000 },
    render,
  };
}

/** The audio the simulator served, by prompt, so stored tracks can be checked against it. */
export type ServedAudio = { sha256ByPrompt: Map<string, string> };

/** The simulator's real renderer, remembering the sha256 of each job's audio. */
export function recordingRenderer(): { served: ServedAudio; render: (options: RenderOptions) => Promise<Buffer> } {
  const served: ServedAudio = { sha256ByPrompt: new Map() };
  return {
    served,
    render: async (options) => {
      const audio = await renderTrack(options);
      served.sha256ByPrompt.set(options.prompt, createHash("sha256").update(audio).digest("hex"));
      return audio;
    },
  };
}

// A short, cheap job: 3 s of WAV renders in milliseconds; at speed 1 it lasts at least 3 s.
const MODEL = "mmaudio-v2-text-to-audio";
const DURATION_SECONDS = 3;
// The worker's own timings, scaled down so a cell takes a fraction of a second.
const MATRIX_WORKER: WorkerOptions = {
  poll: { minIntervalMs: 20, maxIntervalMs: 300, callCostMs: 2 },
  backoff: { baseMs: 20, maxMs: 200 },
  retrieveBudget: { perMinute: 60_000 },
  queueBudget: { perMinute: 60_000 },
  idleWakeMs: 1_000,
  leaseMs: 10_000,
};
const END_STATES: readonly GenerationStatus[] = ["completed", "failed", "expired", "uncertain"];
const CELL_DEADLINE_MS = 30_000;
const USD_EPSILON = 1e-9;

export async function runFaultMatrix(options: FaultMatrixOptions): Promise<FaultMatrixResult> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const { sim, prisma } = options;
  const venice = createVeniceClient({ baseUrl: sim.url, apiKey: sim.apiKey, timeoutMs, streamIdleTimeoutMs: timeoutMs });
  const { models } = await venice.listMusicModels();
  const catalog = models.map(capabilities);
  const log = pino({ level: "silent" });
  const deps = { prisma, venice, log, findModel: async (id: string) => catalog.find((model) => model.id === id) };
  const worker = await startWorker({
    prisma,
    venice,
    storage: options.storage,
    log,
    databaseUrl: options.databaseUrl,
    ...MATRIX_WORKER,
  });
  const simJobs = watchSimJobs(sim);
  let jobNumber = 0;

  /** Submits one job; resolves with its id, or the status the API would have answered. */
  async function submit(prompt: string): Promise<{ id: string } | { refusedStatus: number }> {
    jobNumber++;
    try {
      const { generations } = await submitGeneration(
        { model: MODEL, draft: { prompt, duration_seconds: DURATION_SECONDS }, takes: 1, idempotencyKey: `fault-matrix-${jobNumber}`, creatorId: "fault-matrix" },
        deps,
      );
      return { id: generations[0]!.id };
    } catch (error) {
      if (error instanceof ApiError) return { refusedStatus: error.status };
      if (error instanceof VeniceError) return { refusedStatus: apiErrorFromVenice(error).status };
      throw error;
    }
  }

  async function runCell(row: FaultRow, step: Step): Promise<CellOutcome> {
    sim.control.clearFaults();
    const prompt = `Fault matrix job ${jobNumber + 1}: rain on a tin roof ${row.kind === "marker" ? row.marker : ""}`.trim();
    const fault = row.kind === "fault" ? row.fault(timeoutMs) : undefined;
    // Truncation needs no endpoint: it only ever hits a retrieve that carries audio.
    const aimed = fault && fault.kind !== "truncate" ? { ...fault, endpoint: ENDPOINT_OF[step] } : fault;
    sim.control.clearRequests();
    const balanceBefore = sim.control.balanceUsd();
    const jobsBefore = simJobs.seen.size;
    // Faults on quote, queue and complete wait in the simulator's queue for their endpoint.
    if (aimed && (step === "quote" || step === "queue" || step === "complete")) sim.control.injectFault(aimed);

    const submitted = await submit(prompt);
    let job: Generation | undefined;
    let faultUnused = false;
    if ("id" in submitted) {
      job = await driveJob(submitted.id, step, aimed);
      faultUnused = sim.control.pendingFaults().length > 0;
    }
    const charged = balanceBefore - sim.control.balanceUsd() > USD_EPSILON;
    const veniceJobs = simJobs.seen.size - jobsBefore;
    const queueCalls = sim.control.requests().filter((call) => call.endpoint === "queue" && (call.body as { prompt?: string }).prompt === prompt).length;
    sim.control.clearFaults();

    const outcome: CellOutcome = {
      row: row.name,
      step,
      ...("refusedStatus" in submitted ? { refusedAtSubmit: submitted.refusedStatus } : {}),
      status: job?.status,
      errorCode: job?.errorCode,
      charged,
      veniceJobs,
      queueCalls,
      refunded: job ? await isRefunded(prisma, job.id) : false,
      trackVerified: job ? await verifyTrack(options, job.id, prompt) : false,
      faultUnused,
      workerRecovered: await recovers(),
      violations: [],
    };
    outcome.violations = brokenInvariants(outcome);
    return outcome;
  }

  /**
   * Carries a submitted job to its end, aiming a retrieve fault at the right moment and
   * finishing the simulator's job once the fault has acted.
   */
  async function driveJob(id: string, step: Step, fault: FaultSpec | undefined): Promise<Generation> {
    const deadline = Date.now() + CELL_DEADLINE_MS;
    const queued = await waitFor(deadline, async () => {
      const job = await prisma.generation.findUniqueOrThrow({ where: { id } });
      return job.queueId || END_STATES.includes(job.status) ? job : undefined;
    });
    if (!queued?.queueId) return queued ?? (await prisma.generation.findUniqueOrThrow({ where: { id } }));
    const queueId = queued.queueId;

    if (fault && step === "retrieve (processing)") {
      const simJob = sim.control.job(queueId);
      const remainingMs = simJob ? Date.parse(simJob.enqueuedAt) + simJob.executionMs - Date.now() : 0;
      if (simJob?.status !== "processing" || remainingMs < 1_000) {
        throw new Error("the fault matrix needs jobs that last seconds: run the simulator at speed 1");
      }
      const lastCall = sim.control.requests().at(-1)?.seq ?? 0;
      sim.control.injectFault(fault);
      // The fault has acted once a later retrieve was answered (or the job ended).
      await waitFor(deadline, async () => {
        const answeredAfter = sim.control
          .requests()
          .some((call) => call.endpoint === "retrieve" && call.seq > lastCall && call.fault === undefined && call.status !== null);
        if (sim.control.pendingFaults().length === 0 && answeredAfter) return true;
        return END_STATES.includes((await prisma.generation.findUniqueOrThrow({ where: { id } })).status) || undefined;
      });
      sim.control.finishJob(queueId);
    } else if (fault && step === "retrieve (audio)") {
      await waitFor(deadline, async () => sim.control.job(queueId)?.rendered || undefined);
      // In one synchronous run: no retrieve can arrive between the two, so the next one both
      // finds the audio and meets the fault.
      sim.control.finishJob(queueId);
      sim.control.injectFault(fault);
    } else {
      sim.control.finishJob(queueId);
    }
    const ended = await waitFor(deadline, async () => {
      const job = await prisma.generation.findUniqueOrThrow({ where: { id } });
      return END_STATES.includes(job.status) ? job : undefined;
    });
    return ended ?? (await prisma.generation.findUniqueOrThrow({ where: { id } }));
  }

  /** A plain job after the fault: the worker must still carry it to a verified track. */
  async function recovers(): Promise<boolean> {
    const prompt = `Fault matrix recovery job ${jobNumber + 1}: a calm sea`;
    const submitted = await submit(prompt);
    if (!("id" in submitted)) return false;
    const job = await driveJob(submitted.id, "quote", undefined);
    return job.status === "completed" && (await verifyTrack(options, job.id, prompt));
  }

  const cells: CellOutcome[] = [];
  try {
    for (const row of FAULT_ROWS) {
      for (const step of STEPS) {
        if (!rowApplies(row, step) || (options.include && !options.include(row, step))) continue;
        const cell = await runCell(row, step);
        cells.push(cell);
        options.onCell?.(cell);
      }
    }
  } finally {
    simJobs.stop();
    await worker.stop();
  }
  return { cells, markdown: matrixMarkdown(cells) };
}

/** The invariants every cell must keep, each broken one in words. */
function brokenInvariants(cell: CellOutcome): string[] {
  const broken: string[] = [];
  if (cell.refusedAtSubmit !== undefined) {
    if (cell.veniceJobs > 0 || cell.queueCalls > 0) broken.push("refused at submit, yet queued on Venice");
  } else {
    if (!cell.status || !END_STATES.includes(cell.status)) broken.push(`stuck in ${cell.status}`);
    if (cell.status === "failed" && !cell.refunded) broken.push("failed but not refunded in the ledger");
    if (cell.status === "completed" && !cell.trackVerified) broken.push("completed without a verified track");
  }
  if (cell.veniceJobs > 1) broken.push(`queued ${cell.veniceJobs} times`);
  if (paidAndLost(cell)) broken.push("paid on Venice, no track, and not reported as expired or uncertain");
  if (!cell.workerRecovered) broken.push("the next plain job did not complete");
  return broken;
}

function paidAndLost(cell: CellOutcome): boolean {
  if (!cell.charged) return false;
  if (cell.status === "completed") return !cell.trackVerified;
  return cell.status !== "expired" && cell.status !== "uncertain";
}

export type MatrixFigures = { cells: number; stuck: number; doubleQueued: number; paidAndLost: number; unrefunded: number; notRecovered: number };

export function matrixFigures(cells: readonly CellOutcome[]): MatrixFigures {
  return {
    cells: cells.length,
    stuck: cells.filter((cell) => cell.refusedAtSubmit === undefined && (!cell.status || !END_STATES.includes(cell.status))).length,
    doubleQueued: cells.filter((cell) => cell.veniceJobs > 1).length,
    paidAndLost: cells.filter(paidAndLost).length,
    unrefunded: cells.filter((cell) => cell.violations.includes("failed but not refunded in the ledger")).length,
    notRecovered: cells.filter((cell) => !cell.workerRecovered).length,
  };
}

/** The cell as a person reads it: "completed", "failed (INFERENCE_FAILED) · refunded", "refused at submit (502)". */
export function cellText(cell: CellOutcome): string {
  if (cell.refusedAtSubmit !== undefined) return `refused at submit (${cell.refusedAtSubmit})`;
  // The failure kind, where the status alone does not tell it.
  const kind = (cell.status === "failed" || cell.status === "uncertain") && cell.errorCode ? ` (${cell.errorCode})` : "";
  const parts: string[] = [`${cell.status ?? "?"}${kind}`];
  if (cell.status === "failed") parts.push(cell.refunded ? "refunded" : "NOT refunded");
  // The ledger keeps the charge of both (Venice did, or may have, charged them); say what Venice did.
  if (cell.status === "uncertain" || cell.status === "expired") parts.push(cell.charged ? "charged on Venice" : "not charged on Venice");
  if (cell.queueCalls > 1) parts.push(`${cell.queueCalls} queue calls`);
  if (cell.faultUnused) parts.push("fault not reached");
  return [parts.join(" · "), ...cell.violations.map((violation) => `⚠ ${violation}`)].join("; ");
}

function matrixMarkdown(cells: readonly CellOutcome[]): string {
  const lines = [`| fault | ${STEPS.join(" | ")} |`, `|---|${STEPS.map(() => "---").join("|")}|`];
  for (const row of FAULT_ROWS) {
    const inRow = STEPS.map((step) => cells.find((cell) => cell.row === row.name && cell.step === step));
    if (inRow.every((cell) => cell === undefined)) continue;
    lines.push(`| ${row.name} | ${inRow.map((cell, i) => (cell ? cellText(cell) : rowApplies(row, STEPS[i]!) ? "(not run)" : "—")).join(" | ")} |`);
  }
  return lines.join("\n");
}

async function isRefunded(prisma: PrismaClient, generationId: string): Promise<boolean> {
  const charge = await prisma.ledgerEntry.findUnique({ where: { generationId } });
  return charge !== null && charge.refundedAt !== null && charge.refundedUsd.equals(charge.quotedUsd);
}

/** The stored file hashes to the row's sha256, which is the sha256 of the audio Venice served. */
async function verifyTrack(options: Pick<FaultMatrixOptions, "prisma" | "storage" | "served">, generationId: string, prompt: string): Promise<boolean> {
  const track = await options.prisma.track.findUnique({ where: { generationId } });
  if (!track) return false;
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of await options.storage.read(track.storageKey)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return bytes === track.bytes && hash.digest("hex") === track.sha256 && options.served.sha256ByPrompt.get(prompt) === track.sha256;
}

/** Every job id the simulator has had. Jobs disappear once completed, which at speed 1 is seconds after they were queued: a look every 20 ms sees each. */
function watchSimJobs(sim: VeniceSimulator): { seen: Set<string>; stop(): void } {
  const seen = new Set<string>();
  const look = () => {
    for (const job of sim.control.jobs()) seen.add(job.id);
  };
  const timer = setInterval(look, 20);
  return {
    seen,
    stop: () => clearInterval(timer),
  };
}

/** Polls `check` until it answers something, or undefined at the deadline. */
async function waitFor<T>(deadline: number, check: () => Promise<T | undefined> | T | undefined): Promise<T | undefined> {
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
