// Job state: what happens to a queued generation until its media is deleted.
//
// A job's lifecycle is computed lazily from the clock (no timers): it is PROCESSING until
// its drawn execution time has passed (and its audio has been rendered), then it either
// holds audio or has failed. Failures are refunded the moment they happen (checked on
// every request via `sweep`, so the balance reflects them even if nobody retrieves).
//
// Audio is rendered once per job, in the background, starting right after the queue
// call is answered, with a small concurrency limit so a burst of queued jobs does not
// starve the event loop. A retrieve never waits for a render: until the audio exists the
// job simply keeps answering PROCESSING (as a slow Venice job would).
//
// A job keeps its render input, so that a simulator restarted on saved state (state.ts)
// renders the same audio again. Jobs that ended long ago are forgotten (see FORGET_AFTER_MS).

import { randomUUID } from "node:crypto";
import type { AudioFormat } from "@/lib/audio/format";
import type { RenderOptions } from "./audio/render";
import type { Wallet } from "./billing";
import type { SimModel } from "./catalog";
import { INFERENCE_FAILED } from "./errors";
import type { SavedJob, SavedState } from "./state";

/** Renders a job's audio: renderTrack, or a cheap stand-in in tests. */
export type RenderFn = (options: RenderOptions) => Promise<Buffer>;

export type JobFailure = { status: number; body: Record<string, unknown>; atMs: number };

type RenderState = { state: "pending" } | { state: "done"; audio: Buffer } | { state: "failed"; error: string };

export type Job = {
  id: string;
  model: SimModel;
  format: AudioFormat;
  enqueuedAtMs: number;
  /** Real (speed-scaled) execution time drawn for this job. */
  executionMs: number;
  readyAtMs: number;
  /** The model's P80, speed-scaled: reported as average_execution_time. */
  averageExecutionMs: number;
  audioSeconds: number;
  chargedMicros: number;
  /** What the job costs once finished (seed audio: its real length). */
  finalMicros: number;
  refundedMicros: number;
  failure?: JobFailure;
  expireOnFinish: boolean;
  expired: boolean;
  finishedAtMs?: number;
  /** What the audio is rendered from; none for a job that will never deliver audio. */
  renderInput?: RenderOptions;
  render?: RenderState;
};

export type JobView =
  | { kind: "processing"; averageExecutionMs: number; executionDurationMs: number }
  | { kind: "audio"; job: Job; audio: Buffer }
  | { kind: "error"; status: number; body: Record<string, unknown> }
  | { kind: "gone" };

export type JobSummary = {
  id: string;
  model: string;
  status: "processing" | "done" | "failed" | "expired";
  enqueuedAt: string;
  executionMs: number;
  audioSeconds: number;
  chargedUsd: number;
  refundedUsd: number;
  rendered: boolean;
};

export type NewJob = {
  model: SimModel;
  format: AudioFormat;
  executionMs: number;
  averageExecutionMs: number;
  audioSeconds: number;
  chargedMicros: number;
  finalMicros: number;
  /** A failure planned at queue time (fault markers), as a fraction of the execution time. */
  plannedFailure?: { status: number; body: Record<string, unknown>; atFraction: number };
  expireOnFinish?: boolean;
  /** Omitted for jobs that will never deliver audio. */
  renderInput?: RenderOptions;
};

// How long a deleted id still answers 404, and a job (however it ended) is kept beyond its
// media retention, before they are forgotten and answer 400 like an id never issued. Keeps
// the store, and the saved state, bounded.
const FORGET_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
const DEFAULT_MEDIA_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Runs at most `limit` tasks at once. */
class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

export class JobStore {
  private readonly jobs = new Map<string, Job>();
  /** Ids whose media was deleted, with when: Venice answers 404 for them, 400 for an id it never issued. */
  private readonly deletedIds = new Map<string, number>();
  private readonly renders: ConcurrencyLimit;
  private generation = 0;

  constructor(
    private readonly opts: {
      wallet: Wallet;
      render: RenderFn;
      renderConcurrency?: number;
      /** Finished media expires after this long (real ms). Default 24 h. */
      mediaRetentionMs?: number;
      onRenderError?: (jobId: string, error: unknown) => void;
    },
  ) {
    this.renders = new ConcurrencyLimit(opts.renderConcurrency ?? 2);
  }

  create(spec: NewJob): Job {
    const now = Date.now();
    const job: Job = {
      id: randomUUID(),
      model: spec.model,
      format: spec.format,
      enqueuedAtMs: now,
      executionMs: spec.executionMs,
      readyAtMs: now + spec.executionMs,
      averageExecutionMs: spec.averageExecutionMs,
      audioSeconds: spec.audioSeconds,
      chargedMicros: spec.chargedMicros,
      finalMicros: spec.finalMicros,
      refundedMicros: 0,
      expireOnFinish: spec.expireOnFinish ?? false,
      expired: false,
      renderInput: spec.renderInput,
    };
    if (spec.plannedFailure) {
      const { status, body, atFraction } = spec.plannedFailure;
      job.failure = { status, body, atMs: now + Math.round(spec.executionMs * atFraction) };
    }
    this.jobs.set(job.id, job);
    this.startRender(job);
    return job;
  }

  /** Renders the job's audio unless it will never deliver any. */
  private startRender(job: Job): void {
    const input = job.renderInput;
    if (!input || job.failure || job.expired) return;
    job.render = { state: "pending" };
    const generation = this.generation;
    // setImmediate: let the queue answer go out before any rendering work starts.
    setImmediate(() => {
      this.renders
        .run(() => this.opts.render(input))
        .then(
          (audio) => {
            if (generation === this.generation) job.render = { state: "done", audio };
          },
          (error: unknown) => {
            if (generation !== this.generation) return;
            job.render = { state: "failed", error: error instanceof Error ? error.message : String(error) };
            this.opts.onRenderError?.(job.id, error);
          },
        );
    });
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  private refundRest(job: Job): void {
    const due = job.chargedMicros - job.refundedMicros;
    if (due > 0) {
      this.opts.wallet.refund(due);
      job.refundedMicros += due;
    }
  }

  /** Advances the job to `now` (failures, settlement, expiry) and says what retrieve sees. */
  view(job: Job, now = Date.now()): JobView {
    if (job.failure && now >= job.failure.atMs) {
      this.refundRest(job);
      return { kind: "error", status: job.failure.status, body: job.failure.body };
    }
    if (job.expired) return { kind: "gone" };
    const processing: JobView = {
      kind: "processing",
      averageExecutionMs: job.averageExecutionMs,
      executionDurationMs: Math.max(0, now - job.enqueuedAtMs),
    };
    if (now < job.readyAtMs) return processing;
    const render = job.render;
    if (!render || render.state === "pending") return processing;
    if (render.state === "failed") {
      job.failure = { status: 500, body: { error: INFERENCE_FAILED }, atMs: now };
      this.refundRest(job);
      return { kind: "error", status: 500, body: job.failure.body };
    }
    if (job.finishedAtMs === undefined) {
      job.finishedAtMs = now;
      // Settle: refund whatever was reserved beyond the final cost (seed audio's 120 s cap).
      const over = job.chargedMicros - job.finalMicros;
      if (over > 0) {
        this.opts.wallet.refund(over);
        job.refundedMicros += over;
      }
    }
    if (job.expireOnFinish || now - job.finishedAtMs >= this.retentionMs) {
      job.expired = true;
      job.render = undefined; // free the audio
      return { kind: "gone" };
    }
    return { kind: "audio", job, audio: render.audio };
  }

  private get retentionMs(): number {
    return this.opts.mediaRetentionMs ?? DEFAULT_MEDIA_RETENTION_MS;
  }

  /** Applies everything that is due (refunds, settlements, expiry) to every job, and forgets old ones. */
  sweep(): void {
    const now = Date.now();
    for (const job of this.jobs.values()) {
      // No job runs for days: one this old has long ended, one way or another.
      if (now - job.enqueuedAtMs >= this.retentionMs + FORGET_AFTER_MS) this.jobs.delete(job.id);
      else this.view(job, now);
    }
    for (const [id, atMs] of this.deletedIds) {
      if (now - atMs >= FORGET_AFTER_MS) this.deletedIds.delete(id);
    }
  }

  /**
   * /audio/complete: deletes the media. A job still running has nothing to delete yet:
   * `{success: false}` (Venice's "cleanup did not happen, may be retried").
   */
  complete(job: Job): { success: boolean } {
    const view = this.view(job);
    if (view.kind === "processing") return { success: false };
    this.delete(job.id);
    return { success: true };
  }

  delete(id: string): boolean {
    if (!this.jobs.delete(id)) return false;
    this.deletedIds.set(id, Date.now());
    return true;
  }

  /** Whether `id` named a job whose media has since been deleted. */
  wasDeleted(id: string): boolean {
    return this.deletedIds.has(id);
  }

  /** Test control: the job fails now (refunded), answering `status` from retrieve. */
  fail(id: string, failure: { status?: number; error?: string } = {}): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    job.failure = { status: failure.status ?? 500, body: { error: failure.error ?? INFERENCE_FAILED }, atMs: Date.now() };
    job.render = undefined;
    this.view(job);
    return true;
  }

  /** Test control: the media expires (now if finished, else as soon as it finishes). */
  expire(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    job.expireOnFinish = true;
    if (job.finishedAtMs !== undefined) {
      job.expired = true;
      job.render = undefined;
    }
    return true;
  }

  /** Test control: skip the rest of the job's execution time (rendering still has to end). */
  finish(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    const now = Date.now();
    job.readyAtMs = Math.min(job.readyAtMs, now);
    if (job.failure && job.failure.atMs > now) job.failure.atMs = now;
    return true;
  }

  summary(job: Job): JobSummary {
    const view = this.view(job);
    const status =
      view.kind === "processing" ? "processing" : view.kind === "audio" ? "done" : view.kind === "error" ? "failed" : "expired";
    return {
      id: job.id,
      model: job.model.id,
      status,
      enqueuedAt: new Date(job.enqueuedAtMs).toISOString(),
      executionMs: job.executionMs,
      audioSeconds: job.audioSeconds,
      chargedUsd: job.chargedMicros / 1e6,
      refundedUsd: job.refundedMicros / 1e6,
      rendered: job.render?.state === "done",
    };
  }

  list(): JobSummary[] {
    return [...this.jobs.values()].map((job) => this.summary(job));
  }

  reset(): void {
    this.generation++;
    this.jobs.clear();
    this.deletedIds.clear();
  }

  /** The jobs and deleted ids, as state.ts saves them. */
  snapshot(): Pick<SavedState, "jobs" | "deleted"> {
    const jobs = [...this.jobs.values()].map(({ model, render: _render, ...saved }): SavedJob => ({ ...saved, model: model.id }));
    const deleted = [...this.deletedIds].map(([id, atMs]) => ({ id, atMs }));
    return { jobs, deleted };
  }

  /** Takes up saved jobs (those of models no longer in the catalog are dropped) and renders their audio again. */
  restore(saved: Pick<SavedState, "jobs" | "deleted">, models: ReadonlyMap<string, SimModel>): void {
    for (const { model: modelId, ...fields } of saved.jobs) {
      const model = models.get(modelId);
      if (model) this.jobs.set(fields.id, { ...fields, model });
    }
    for (const { id, atMs } of saved.deleted) this.deletedIds.set(id, atMs);
    this.sweep(); // forget what is too old before rendering anything again
    const now = Date.now();
    for (const job of this.jobs.values()) {
      // Media whose retention ran out while the simulator was down is not rendered again.
      if (job.finishedAtMs !== undefined && now - job.finishedAtMs >= this.retentionMs) job.expired = true;
      this.startRender(job);
    }
  }
}
