import { randomUUID } from "node:crypto";
import type pg from "pg";

// Library rows for the API tests, written with plain SQL: a generation that reached
// `completed` (or `downloaded`) and the track it stored.

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
};

export async function seedTrack(client: pg.Client, overrides: Partial<SeedTrack> = {}): Promise<SeedTrack> {
  const id = overrides.id ?? randomUUID();
  const track: SeedTrack = {
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
  const generationId = randomUUID();
  await client.query(
    `INSERT INTO "Generation" (id, "batchId", model, request, "requestHash", title, "quotedUsd", "idempotencyKey", status, "creatorId", "createdAt", "updatedAt")
     VALUES ($1, $1, $2, $3, 'hash', $4, 0.05, $5, $6, $7, $8, $8)`,
    [generationId, track.model, JSON.stringify({ prompt: track.prompt }), track.title, `seed-${generationId}:0`, track.status, track.creatorId, track.createdAt],
  );
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
