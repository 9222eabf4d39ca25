// The simulator's state on disk, so that its jobs outlive it as Venice's outlive a client:
// one small JSON file (`state.json`, 0600, in a 0700 directory) holding the API key, the
// balance, every job Venice still knows and the ids of deleted media. It is rewritten whole,
// atomically (temp file, fsync, rename), whenever a call changed it, before the answer goes
// out. Audio is not stored: the renderer is deterministic, so a restarted simulator renders a
// job's audio again from its saved request, byte for byte the same.
//
// One simulator per directory: two running on the same one overwrite each other's state.

import { chmodSync, closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const FORMATS = ["mp3", "wav", "flac"] as const;
const micros = z.number().int();
const epochMs = z.number().finite();

const savedJobSchema = z.object({
  id: z.uuid(),
  model: z.string(),
  format: z.enum(FORMATS),
  enqueuedAtMs: epochMs,
  executionMs: z.number().finite().nonnegative(),
  readyAtMs: epochMs,
  averageExecutionMs: z.number().finite().nonnegative(),
  audioSeconds: z.number().finite().nonnegative(),
  chargedMicros: micros,
  finalMicros: micros,
  refundedMicros: micros,
  failure: z.object({ status: z.number().int(), body: z.record(z.string(), z.unknown()), atMs: epochMs }).optional(),
  expireOnFinish: z.boolean(),
  expired: z.boolean(),
  finishedAtMs: epochMs.optional(),
  renderInput: z
    .object({
      prompt: z.string(),
      seconds: z.number().finite().nonnegative(),
      format: z.enum(FORMATS),
      loop: z.boolean().optional(),
      instrumental: z.boolean().optional(),
      lyrics: z.string().optional(),
    })
    .optional(),
});

const savedStateSchema = z.object({
  version: z.literal(1),
  apiKey: z.string().min(1),
  balanceMicros: micros,
  jobs: z.array(savedJobSchema),
  /** Ids whose media was deleted, with when: they answer 404 rather than 400. */
  deleted: z.array(z.object({ id: z.string(), atMs: epochMs })),
});

export type SavedJob = z.infer<typeof savedJobSchema>;
export type SavedState = z.infer<typeof savedStateSchema>;

export type StateFile = {
  /** The saved state; undefined for a new directory (or an unreadable file, set aside). */
  load(): SavedState | undefined;
  /** Writes `state` unless it is what the file already holds. */
  save(state: SavedState): void;
};

export function openStateFile(dir: string, logger?: (line: object) => void): StateFile {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700); // it holds the API key
  // turbopackIgnore: a run-time folder, not a file for the build to trace.
  const file = path.join(/*turbopackIgnore: true*/ dir, "state.json");
  let written: string | undefined;

  return {
    load() {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
      const parsed = savedStateSchema.safeParse(parseJson(text));
      if (parsed.success) {
        written = text;
        return parsed.data;
      }
      // Keep the bad file for a person to look at, and start afresh rather than not at all.
      const aside = `${file}.invalid-${Date.now()}`;
      renameSync(file, aside);
      logger?.({ msg: "venice-sim state file unreadable; starting with a fresh state", file: aside });
      return undefined;
    },
    save(state) {
      const text = JSON.stringify(state);
      if (text === written) return;
      try {
        writeAtomically(file, text);
        written = text;
      } catch (error) {
        // The state in memory is still right; the next change tries again.
        logger?.({ msg: "venice-sim could not save its state", file, error: String(error) });
      }
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A reader (or a crash) sees the old file or the new one, never half of one. */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, "w", 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
