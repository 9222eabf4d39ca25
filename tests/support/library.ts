import { randomUUID } from "node:crypto";
import type pg from "pg";

// Library rows for the API tests, written with plain SQL: a generation that reached
// `completed` (or `downloaded`) and the track it stored, or a generation that ended without one.

export type SeedTrack = {
  id: string;
  title: string;
  prompt: string;
  model: string;
  format: "mp3" | "wav" | "flac";
  bytes: number;
  durationMs: number;
  sha256: string;
  storageKey: string;
  peaks: number[];
  favorite: boolean;
  creatorId: string;
  createdAt: Date;
  deletedAt: Date | null;
  status: "downloaded" | "completed";
  /** The stored /audio/queue body; by default just the prompt. */
  request: Record<string, unknown>;
};

export async function seedTrack(client: pg.Client, overrides: Partial<SeedTrack> = {}): Promise<SeedTrack> {
  const id = overrides.id ?? randomUUID();
  const seeded: Omit<SeedTrack, "request"> = {
    id,
    title: "Untitled",
    prompt: "A calm piano piece for a rainy afternoon",
    model: "elevenlabs-music",
    format: "mp3",
    bytes: 1024,
    durationMs: 30_000,
    sha256: "0".repeat(64),
    storageKey: `tracks/${id}.mp3`,
    peaks: [-0.5, 0.5, -0.25, 0.25],
    favorite: false,
    creatorId: "local-owner",
    createdAt: new Date("2026-01-01T00:00:00.000Z"),
    deletedAt: null,
    status: "completed",
    ...overrides,
  };
  const track: SeedTrack = { ...seeded, request: overrides.request ?? { model: seeded.model, prompt: seeded.prompt } };
  const { id: generationId } = await seedGeneration(client, {
    title: track.title,
    model: track.model,
    request: track.request,
    status: track.status,
    creatorId: track.creatorId,
    createdAt: track.createdAt,
  });
  await client.query(
    `INSERT INTO "Track" (id, "generationId", title, prompt, model, format, bytes, "durationMs", sha256, "storageKey", peaks, favorite, "creatorId", "createdAt", "deletedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      track.id, generationId, track.title, track.prompt, track.model, track.format, track.bytes, track.durationMs, track.sha256,
      track.storageKey, JSON.stringify(track.peaks), track.favorite, track.creatorId, track.createdAt, track.deletedAt,
    ],
  );
  return track;
}

export type SeedGeneration = {
  id: string;
  title: string;
  model: string;
  request: Record<string, unknown>;
  status: "pending" | "queued" | "processing" | "downloaded" | "completed" | "failed" | "expired" | "uncertain";
  creatorId: string;
  createdAt: Date;
  errorCode: string | null;
  errorMessage: string | null;
  suggestedPrompt: string | null;
};

/** A generation row; with a failed, expired or uncertain status, one that ended without a track. */
export async function seedGeneration(client: pg.Client, overrides: Partial<SeedGeneration> = {}): Promise<SeedGeneration> {
  const generation: SeedGeneration = {
    id: randomUUID(),
    title: "Untitled",
    model: "elevenlabs-music",
    request: { model: overrides.model ?? "elevenlabs-music", prompt: "A calm piano piece for a rainy afternoon" },
    status: "failed",
    creatorId: "local-owner",
    createdAt: new Date("2026-01-01T00:00:00.000Z"),
    errorCode: null,
    errorMessage: null,
    suggestedPrompt: null,
    ...overrides,
  };
  await client.query(
    `INSERT INTO "Generation" (id, "batchId", model, request, "requestHash", title, "quotedUsd", "idempotencyKey", status,
       "creatorId", "createdAt", "updatedAt", "errorCode", "errorMessage", "suggestedPrompt")
     VALUES ($1, $1, $2, $3, 'hash', $4, 0.05, $5, $6, $7, $8, $8, $9, $10, $11)`,
    [
      generation.id, generation.model, JSON.stringify(generation.request), generation.title, `seed-${generation.id}:0`, generation.status,
      generation.creatorId, generation.createdAt, generation.errorCode, generation.errorMessage, generation.suggestedPrompt,
    ],
  );
  return generation;
}
