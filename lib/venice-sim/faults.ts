// Fault injection: scripted misbehaviour so the studio's error handling can be exercised.
// Only active when the simulator runs with `enableFaults` (the HTTP admin endpoints and the
// prompt markers); the in-process SimControl can always queue faults.
//
// Queued faults ("the next N calls [to endpoint E] ..."):
//   error     answer 429 (with Retry-After) / 500 / 503 instead of handling the call
//   hang      accept the call and never answer (until the client gives up or the
//             simulator closes); with `ms`, answer normally after that delay, or with
//             `close: true` drop the connection after it; with `execute: true` the call
//             takes effect on arrival (a queued job is charged!) whatever the client
//             receives: a lost (or late) response
//   truncate  on the next N retrieves that deliver audio, send the full Content-Length
//             but destroy the socket after `fraction` (default 0.5) of the bytes
//
// Prompt markers (in /audio/queue's prompt, only with enableFaults):
//   [sim:violation]       422 {error, suggested_prompt} at queue; the suggestion passes
//   [sim:violation-late]  the job ends in a 422 from retrieve (refunded)
//   [sim:fail]            the job fails half-way: retrieve answers 500 (refunded)
//   [sim:invalid-late]    a provider-side validation failure: retrieve answers 400 (refunded)
//   [sim:expire]          the media expires as the job finishes: retrieve answers 404

import type { SimModelSpec } from "./catalog";
import { DEFAULT_MIN_PROMPT_LENGTH } from "./validation";

const SIM_ENDPOINTS = ["models", "quote", "queue", "retrieve", "complete", "balance", "rate_limits"] as const;
export type SimEndpoint = (typeof SIM_ENDPOINTS)[number];

export type ErrorFault = {
  kind: "error";
  status: 429 | 500 | 503;
  count?: number;
  endpoint?: SimEndpoint;
  /** 429 only: the Retry-After header, seconds (default 2). */
  retryAfterSeconds?: number;
  message?: string;
};
export type HangFault = {
  kind: "hang";
  count?: number;
  endpoint?: SimEndpoint;
  /** Hang this long, then answer (or drop the connection with `close`). Default: forever. */
  ms?: number;
  close?: boolean;
  /** Handle the call on arrival, so it takes effect even though its answer is lost/late. */
  execute?: boolean;
};
export type TruncateFault = { kind: "truncate"; count?: number; fraction?: number };
export type FaultSpec = ErrorFault | HangFault | TruncateFault;

export type PendingFault = FaultSpec & { remaining: number };

export class FaultQueue {
  private pending: PendingFault[] = [];

  add(spec: FaultSpec): void {
    this.pending.push({ ...spec, remaining: spec.count ?? 1 });
  }

  list(): PendingFault[] {
    return this.pending.map((f) => ({ ...f }));
  }

  clear(): void {
    this.pending = [];
  }

  /** The next error or hang fault for a call to `endpoint`, consumed. */
  takeForRequest(endpoint: SimEndpoint): ErrorFault | HangFault | undefined {
    return this.take((f) => f.kind !== "truncate" && (f.endpoint === undefined || f.endpoint === endpoint)) as
      | ErrorFault
      | HangFault
      | undefined;
  }

  /** The next truncate fault, consumed: only asked when a retrieve is about to send audio. */
  takeForAudio(): TruncateFault | undefined {
    return this.take((f) => f.kind === "truncate") as TruncateFault | undefined;
  }

  private take(match: (f: PendingFault) => boolean): FaultSpec | undefined {
    const index = this.pending.findIndex(match);
    if (index < 0) return undefined;
    const fault = this.pending[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    const { remaining: _remaining, ...spec } = fault;
    return spec;
  }
}

/** Parses a fault spec from an admin request body; returns an error message when invalid. */
export function parseFaultSpec(body: unknown): { ok: true; value: FaultSpec } | { ok: false; message: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false, message: "Expected an object" };
  const b = body as Record<string, unknown>;
  const count = b.count;
  if (count !== undefined && (typeof count !== "number" || !Number.isInteger(count) || count < 1)) {
    return { ok: false, message: "count must be a positive integer" };
  }
  const endpoint = b.endpoint;
  if (endpoint !== undefined && !SIM_ENDPOINTS.includes(endpoint as SimEndpoint)) {
    return { ok: false, message: `endpoint must be one of ${SIM_ENDPOINTS.join(", ")}` };
  }
  const base = { count: count as number | undefined };
  switch (b.kind) {
    case "error": {
      if (b.status !== 429 && b.status !== 500 && b.status !== 503) return { ok: false, message: "status must be 429, 500 or 503" };
      const retry = b.retryAfterSeconds;
      if (retry !== undefined && (typeof retry !== "number" || retry < 0)) return { ok: false, message: "retryAfterSeconds must be >= 0" };
      if (b.message !== undefined && typeof b.message !== "string") return { ok: false, message: "message must be a string" };
      return {
        ok: true,
        value: {
          kind: "error",
          status: b.status,
          ...base,
          endpoint: endpoint as SimEndpoint | undefined,
          retryAfterSeconds: retry as number | undefined,
          message: b.message as string | undefined,
        },
      };
    }
    case "hang": {
      if (b.ms !== undefined && (typeof b.ms !== "number" || b.ms < 0)) return { ok: false, message: "ms must be >= 0" };
      if (b.execute !== undefined && typeof b.execute !== "boolean") return { ok: false, message: "execute must be a boolean" };
      if (b.close !== undefined && typeof b.close !== "boolean") return { ok: false, message: "close must be a boolean" };
      return {
        ok: true,
        value: {
          kind: "hang",
          ...base,
          endpoint: endpoint as SimEndpoint | undefined,
          ms: b.ms as number | undefined,
          close: b.close as boolean | undefined,
          execute: b.execute as boolean | undefined,
        },
      };
    }
    case "truncate": {
      const fraction = b.fraction;
      if (fraction !== undefined && (typeof fraction !== "number" || fraction < 0 || fraction >= 1)) {
        return { ok: false, message: "fraction must be in [0, 1)" };
      }
      return { ok: true, value: { kind: "truncate", ...base, fraction: fraction as number | undefined } };
    }
    default:
      return { ok: false, message: "kind must be error, hang or truncate" };
  }
}

const MARKERS = {
  violation: "[sim:violation]",
  violationLate: "[sim:violation-late]",
  fail: "[sim:fail]",
  invalidLate: "[sim:invalid-late]",
  expire: "[sim:expire]",
} as const;

export type PromptMarkers = { [K in keyof typeof MARKERS]: boolean };

export function readMarkers(prompt: string): PromptMarkers {
  return {
    violation: prompt.includes(MARKERS.violation),
    violationLate: prompt.includes(MARKERS.violationLate),
    fail: prompt.includes(MARKERS.fail),
    invalidLate: prompt.includes(MARKERS.invalidLate),
    expire: prompt.includes(MARKERS.expire),
  };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The prompt without any simulator marker (what the "model" renders from). */
export function stripMarkers(prompt: string): string {
  let out = prompt;
  for (const marker of Object.values(MARKERS)) out = out.split(marker).join(" ");
  return collapse(out);
}

/**
 * Venice's `suggested_prompt` for a refused prompt: the violation marker removed and the
 * wording softened, fitted to the model's prompt limits so that queueing it passes.
 */
export function suggestPrompt(prompt: string, spec: SimModelSpec): string {
  const cleaned = collapse(prompt.split(MARKERS.violation).join(" "));
  const prefix = "A gentle, family-friendly take on: ";
  const fallback = "a calm, uplifting instrumental piece";
  const limit = spec.prompt_character_limit ?? Number.POSITIVE_INFINITY;
  let suggestion = prefix + (cleaned || fallback);
  if (suggestion.length > limit) suggestion = suggestion.slice(0, limit).trim();
  // The prefix alone is longer than any published min_prompt_length; pad defensively.
  const min = spec.min_prompt_length ?? DEFAULT_MIN_PROMPT_LENGTH;
  while (suggestion.length < min) suggestion = `${suggestion} ${fallback}`.trim();
  return suggestion;
}
