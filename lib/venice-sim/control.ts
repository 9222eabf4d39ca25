// SimControl: the in-process handle tests use to steer the simulator, and the /_sim/*
// admin endpoints that mirror it over HTTP (same Bearer key as the API).
//
//   GET    /_sim/requests             the request log          control.requests()
//   DELETE /_sim/requests             clear it                 control.clearRequests()
//   GET    /_sim/jobs[/:id]           job summaries            control.jobs() / job(id)
//   GET    /_sim/balance              {usd}                    control.balanceUsd()
//   --- the rest only when the simulator runs with enableFaults (else 403) ---
//   GET    /_sim/faults               pending faults           control.pendingFaults()
//   POST   /_sim/faults  {FaultSpec}  queue a fault            control.injectFault(spec)
//   DELETE /_sim/faults               drop pending faults      control.clearFaults()
//   POST   /_sim/balance {usd}        set the balance          control.setBalance(usd)
//   POST   /_sim/jobs/:id/fail {status?, error?}               control.failJob(id, opts)
//   POST   /_sim/jobs/:id/expire                               control.expireJob(id)
//   POST   /_sim/jobs/:id/finish      skip its remaining time  control.finishJob(id)
//   POST   /_sim/reset                                         control.reset()
//
// The in-process control always works (a test that calls it means it); enableFaults only
// gates the HTTP endpoints and the prompt markers.

import { json, type Answer, type SimContext } from "./context";
import { parseFaultSpec, type FaultSpec, type PendingFault } from "./faults";
import type { JobSummary } from "./jobs";
import type { RequestLogEntry } from "./request-log";

export interface SimControl {
  injectFault(spec: FaultSpec): void;
  pendingFaults(): PendingFault[];
  clearFaults(): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  balanceUsd(): number;
  setBalance(usd: number): void;
  jobs(): JobSummary[];
  job(queueId: string): JobSummary | undefined;
  /** The job fails now (refunded); retrieve answers `status` (default 500) with `error`. */
  failJob(queueId: string, opts?: { status?: number; error?: string }): boolean;
  /** The job's media expires: retrieve answers 404 (once it has finished). */
  expireJob(queueId: string): boolean;
  /** Skip the job's remaining execution time. */
  finishJob(queueId: string): boolean;
  /** Back to a fresh simulator: no jobs, faults, log entries or limits; starting balance. */
  reset(): void;
}

export function createControl(ctx: SimContext): SimControl {
  // Whatever touches jobs or the balance (reading them advances them to now) is saved.
  const saving =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      const result = fn(...args);
      ctx.persist();
      return result;
    };
  return {
    injectFault: (spec) => ctx.faults.add(spec),
    pendingFaults: () => ctx.faults.list(),
    clearFaults: () => ctx.faults.clear(),
    requests: () => ctx.log.list(),
    clearRequests: () => ctx.log.clear(),
    balanceUsd: saving(() => {
      ctx.jobs.sweep();
      return ctx.wallet.usd;
    }),
    setBalance: saving((usd) => ctx.wallet.set(usd)),
    jobs: saving(() => ctx.jobs.list()),
    job: saving((id) => {
      const job = ctx.jobs.get(id.toLowerCase());
      return job ? ctx.jobs.summary(job) : undefined;
    }),
    failJob: saving((id, opts) => ctx.jobs.fail(id.toLowerCase(), opts)),
    expireJob: saving((id) => ctx.jobs.expire(id.toLowerCase())),
    finishJob: saving((id) => ctx.jobs.finish(id.toLowerCase())),
    reset: saving(() => {
      ctx.jobs.reset();
      ctx.faults.clear();
      ctx.log.clear();
      ctx.rateLimiter.reset();
      ctx.errorBudget.reset();
      ctx.wallet.set(ctx.startingBalanceUsd);
    }),
  };
}

const FAULTS_DISABLED = "Fault injection is disabled: start the simulator with enableFaults (SIM_FAULTS=1)";

/** Routes a /_sim/* call (already authenticated). */
export function handleAdmin(ctx: SimContext, control: SimControl, method: string, path: string, body: unknown): Answer {
  const parts = path.split("/").filter(Boolean).slice(1); // drop "_sim"
  const [resource, id, action] = parts;
  const mutating = () => (ctx.enableFaults ? undefined : json(403, { error: FAULTS_DISABLED }));
  const notFound = json(404, { error: "Not found" });
  const methodNotAllowed = json(405, { error: "Method not allowed" });

  switch (resource) {
    case "requests":
      if (parts.length !== 1) return notFound;
      if (method === "GET") return json(200, { data: control.requests() });
      if (method === "DELETE") {
        control.clearRequests();
        return json(200, { ok: true });
      }
      return methodNotAllowed;

    case "balance":
      if (parts.length !== 1) return notFound;
      if (method === "GET") return json(200, { usd: control.balanceUsd() });
      if (method === "POST") {
        const usd = (body as { usd?: unknown } | undefined)?.usd;
        if (typeof usd !== "number" || !Number.isFinite(usd)) return json(400, { error: "usd must be a number" });
        return mutating() ?? (control.setBalance(usd), json(200, { usd: control.balanceUsd() }));
      }
      return methodNotAllowed;

    case "faults":
      if (parts.length !== 1) return notFound;
      if (method === "GET") return mutating() ?? json(200, { data: control.pendingFaults() });
      if (method === "DELETE") return mutating() ?? (control.clearFaults(), json(200, { ok: true }));
      if (method === "POST") {
        const refused = mutating();
        if (refused) return refused;
        const spec = parseFaultSpec(body);
        if (!spec.ok) return json(400, { error: spec.message });
        control.injectFault(spec.value);
        return json(200, { ok: true, pending: control.pendingFaults() });
      }
      return methodNotAllowed;

    case "jobs": {
      if (id === undefined) return method === "GET" ? json(200, { data: control.jobs() }) : methodNotAllowed;
      if (action === undefined) {
        if (method !== "GET") return methodNotAllowed;
        const summary = control.job(id);
        return summary ? json(200, summary) : notFound;
      }
      if (parts.length !== 3) return notFound;
      if (method !== "POST") return methodNotAllowed;
      const refused = mutating();
      if (refused) return refused;
      let done: boolean;
      if (action === "fail") {
        const b = (body ?? {}) as { status?: unknown; error?: unknown };
        if (b.status !== undefined && (typeof b.status !== "number" || b.status < 400 || b.status > 599)) {
          return json(400, { error: "status must be an HTTP error status" });
        }
        if (b.error !== undefined && typeof b.error !== "string") return json(400, { error: "error must be a string" });
        done = control.failJob(id, { status: b.status as number | undefined, error: b.error as string | undefined });
      } else if (action === "expire") done = control.expireJob(id);
      else if (action === "finish") done = control.finishJob(id);
      else return notFound;
      return done ? json(200, { ok: true, job: control.job(id) ?? null }) : notFound;
    }

    case "reset":
      if (parts.length !== 1) return notFound;
      if (method !== "POST") return methodNotAllowed;
      return mutating() ?? (control.reset(), json(200, { ok: true }));

    default:
      return notFound;
  }
}
