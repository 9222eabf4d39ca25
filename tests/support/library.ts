import { randomUUID } from "node:crypto";
import type pg from "pg";

// Library rows for the API tests, written with plain SQL: a generation that reached
// `completed` (or `downloaded`) and the track it stored, the takes of one batch, or a
// generation that ended without a track.

export type SeedTrack = {
  id: string;
  /** The takes of one submit share it; by default the track is a batch of its own. */
  batchId: string;
  takeIndex: number;
  title: string;
  prompt: string;
  model: string;
  format: "mp3" | "wav" | "flac";
  bytes: number;
  durationMs: number;
  sha256: string;
  storageKey: string;
  peaks: number[];
  loudnessLufs: number | null;
  keptAt: Date | null;
  /** The members whose favourite it is (Favorite rows; they must exist as accounts). */
  favoritedBy: string[];
  creatorId: string;
  createdAt: Date;
  deletedAt: Date | null;
  status: "downloaded" | "completed";
  /** The take's quoted price (its generation's quotedUsd). */
  quotedUsd: number;
  /** The stored /audio/queue body; by default just the prompt. */
  request: Record<string, unknown>;
};

export async function seedTrack(client: pg.Client, overrides: Partial<SeedTrack> = {}): Promise<SeedTrack> {
  const id = overrides.id ?? randomUUID();
  const seeded: Omit<SeedTrack, "request"> = {
    id,
    batchId: randomUUID(),
    takeIndex: 0,
    title: "Untitled",
    prompt: "A calm piano piece for a rainy afternoon",
    model: "elevenlabs-music",
    format: "mp3",
    bytes: 1024,
    durationMs: 30_000,
    sha256: "0".repeat(64),
    storageKey: `tracks/${id}.mp3`,
    peaks: [-0.5, 0.5, -0.25, 0.25],
    loudnessLufs: null,
    keptAt: null,
    favoritedBy: [],
    creatorId: "local-owner",
    createdAt: new Date("2026-01-01T00:00:00.000Z"),
    deletedAt: null,
    status: "completed",
    quotedUsd: 0.05,
    ...overrides,
  };
  const track: SeedTrack = { ...seeded, request: overrides.request ?? { model: seeded.model, prompt: seeded.prompt } };
  const { id: generationId } = await seedGeneration(client, {
    batchId: track.batchId,
    takeIndex: track.takeIndex,
    title: track.title,
    model: track.model,
    request: track.request,
    status: track.status,
    quotedUsd: track.quotedUsd,
    creatorId: track.creatorId,
    createdAt: track.createdAt,
  });
  await client.query(
    `INSERT INTO "Track" (id, "generationId", "batchId", "takeIndex", title, prompt, lyrics, model, format, bytes, "durationMs", sha256, "storageKey",
       peaks, "loudnessLufs", "keptAt", "creatorId", "createdAt", "deletedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      // The lyrics as the store step copies them from the request.
      track.id, generationId, track.batchId, track.takeIndex, track.title, track.prompt, track.request.lyrics_prompt || null, track.model, track.format,
      track.bytes, track.durationMs, track.sha256, track.storageKey, JSON.stringify(track.peaks), track.loudnessLufs, track.keptAt, track.creatorId,
      track.createdAt, track.deletedAt,
    ],
  );
  for (const memberId of track.favoritedBy) {
    await client.query(`INSERT INTO "Favorite" ("memberId", "trackId") VALUES ($1, $2)`, [memberId, track.id]);
  }
  return track;
}

/**
 * The takes of one batch, take 1 first: `count` tracks sharing a batch id, prompt and creation
 * time; `each(index)` sets a take's own fields.
 */
export async function seedBatch(
  client: pg.Client,
  count: number,
  shared: Partial<SeedTrack> = {},
  each: (takeIndex: number) => Partial<SeedTrack> = () => ({}),
): Promise<SeedTrack[]> {
  const batchId = shared.batchId ?? randomUUID();
  const takes: SeedTrack[] = [];
  for (let takeIndex = 0; takeIndex < count; takeIndex++) takes.push(await seedTrack(client, { ...shared, batchId, takeIndex, ...each(takeIndex) }));
  return takes;
}

export type SeedGeneration = {
  id: string;
  /** By default its own id: a batch of one. */
  batchId: string;
  takeIndex: number;
  title: string;
  model: string;
  request: Record<string, unknown>;
  status: "pending" | "queued" | "processing" | "downloaded" | "completed" | "failed" | "expired" | "uncertain";
  quotedUsd: number;
  creatorId: string;
  createdAt: Date;
  errorCode: string | null;
  errorMessage: string | null;
  suggestedPrompt: string | null;
};

/** A generation row; with a failed, expired or uncertain status, one that ended without a track. */
export async function seedGeneration(client: pg.Client, overrides: Partial<SeedGeneration> = {}): Promise<SeedGeneration> {
  const id = overrides.id ?? randomUUID();
  const generation: SeedGeneration = {
    id,
    batchId: id,
    takeIndex: 0,
    title: "Untitled",
    model: "elevenlabs-music",
    request: { model: overrides.model ?? "elevenlabs-music", prompt: "A calm piano piece for a rainy afternoon" },
    status: "failed",
    quotedUsd: 0.05,
    creatorId: "local-owner",
    createdAt: new Date("2026-01-01T00:00:00.000Z"),
    errorCode: null,
    errorMessage: null,
    suggestedPrompt: null,
    ...overrides,
  };
  await client.query(
    `INSERT INTO "Generation" (id, "batchId", "takeIndex", model, request, "requestHash", title, "quotedUsd", "idempotencyKey", status,
       "creatorId", "createdAt", "updatedAt", "errorCode", "errorMessage", "suggestedPrompt")
     VALUES ($1, $2, $3, $4, $5, 'hash', $6, $7, $8, $9, $10, $11, $11, $12, $13, $14)`,
    [
      generation.id, generation.batchId, generation.takeIndex, generation.model, JSON.stringify(generation.request), generation.title,
      generation.quotedUsd, `seed-${generation.id}:0`, generation.status, generation.creatorId, generation.createdAt, generation.errorCode,
      generation.errorMessage, generation.suggestedPrompt,
    ],
  );
  return generation;
}

/**
 * A track on a database migrated only up to an older migration (tests/db/migrations.test.ts):
 * the columns every version of the schema has had, no batch, take or keeper.
 */
export async function seedLegacyTrack(client: pg.Client, { creatorId }: { creatorId: string }): Promise<{ id: string }> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "Generation" (id, "batchId", model, request, "requestHash", title, "quotedUsd", "idempotencyKey", status, "creatorId", "updatedAt")
     VALUES ($1, $1, 'elevenlabs-music', '{}', 'hash', 'Untitled', 0.05, $2, 'completed', $3, now())`,
    [id, `seed-${id}:0`, creatorId],
  );
  await client.query(
    `INSERT INTO "Track" (id, "generationId", title, prompt, model, format, bytes, "durationMs", sha256, "storageKey", peaks, "creatorId")
     VALUES ($1, $1, 'Untitled', 'A calm piano piece', 'elevenlabs-music', 'mp3', 1024, 30000, $2, $3, '[]', $4)`,
    [id, "0".repeat(64), `tracks/${id}.mp3`, creatorId],
  );
  return { id };
}
