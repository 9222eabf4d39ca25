// Every call to the simulated Venice API, in arrival order, so tests can assert exactly
// what reached "Venice" (and that nothing invalid did). Entries carry the method, path,
// parsed JSON body (or the raw text when it was not JSON), the status answered, and times;
// never a header, so the Authorization key cannot leak through it. Admin calls (/_sim/*)
// are not logged. The log keeps the most recent `capacity` entries.

import type { SimEndpoint } from "./faults";

export type RequestLogEntry = {
  seq: number;
  /** ISO time the request arrived. */
  time: string;
  method: string;
  /** Path with query string, e.g. "/api/v1/models?type=music". */
  path: string;
  endpoint?: SimEndpoint;
  body?: unknown;
  /** null while unanswered (or forever, for a hung request). */
  status: number | null;
  durationMs?: number;
  /** The injected fault that shaped the answer, if any. */
  fault?: "error" | "hang" | "truncate";
  /** Set on answers that carried audio. */
  contentType?: string;
};

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 10_000) {}

  start(entry: Omit<RequestLogEntry, "seq" | "status" | "time">): RequestLogEntry {
    const full: RequestLogEntry = { seq: ++this.seq, time: new Date().toISOString(), status: null, ...entry };
    this.entries.push(full);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return full;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => structuredClone(e));
  }

  clear(): void {
    this.entries = [];
  }
}
