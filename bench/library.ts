// bench/library: server time of one library page (lib/api/tracks/list-tracks.ts) over 100k
// tracks, without and with search (served by the pg_trgm indexes of the migrations).
// Run: npx tsx --conditions=react-server bench/library.ts [repetitions]   (default 200 per query)
//      (react-server: the studio's modules import "server-only", which only that condition allows)
// Starts its own embedded PostgreSQL in a temp dir; prints p50/p95 ms per query and overall.
// Target: p95 ≤ 25 ms for a 50-row page, with search and without.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { reportFigures } from "./report";

const TRACKS = 100_000;
const REPETITIONS = Number(process.argv[2]) || 200;
const TARGET_P95_MS = 25;

type Case = { name: string; query: Record<string, string> };

const CASES: Case[] = [
  { name: "newest, no search", query: {} },
  { name: "title sort, no search", query: { sort: "title" } },
  { name: "duration sort, no search", query: { sort: "duration" } },
  { name: "favorites, no search", query: { favorite: "1" } },
  { name: "creator, no search", query: { creator: "ada" } },
  { name: "status=downloaded, no search", query: { status: "ready" } },
  { name: 'q="piano" (common, prompt)', query: { q: "piano" } },
  { name: 'q="Midnight" (title word)', query: { q: "Midnight" } },
  { name: 'q="lo-fi" (genre)', query: { q: "lo-fi" } },
  { name: 'q="amb" (substring)', query: { q: "amb" } },
  { name: 'q="take 421" (rare)', query: { q: "take 421" } },
  { name: 'q="velvet harbour" (two words)', query: { q: "velvet harbour" } },
  { name: 'q="xylophone quartet" (no match)', query: { q: "xylophone quartet" } },
  { name: 'q="piano" + favorites', query: { q: "piano", favorite: "1" } },
  { name: 'q="cello" + model', query: { q: "cello", model: "ace-step-15" } },
  { name: 'q="cello" + creator + downloaded', query: { q: "cello", creator: "ada", status: "ready" } },
  { name: 'q="piano", title sort', query: { q: "piano", sort: "title" } },
  { name: 'q="harbour", page 2', query: { q: "harbour" } },
];

const ADJECTIVES = ["Velvet", "Neon", "Midnight", "Golden", "Quiet", "Electric", "Broken", "Silver", "Lonely", "Wild", "Crystal", "Hollow", "Burning", "Distant", "Paper", "Violet", "Frozen", "Secret", "Lucky", "Endless"];
const NOUNS = ["Harbour", "Skyline", "Garden", "Echo", "River", "Signal", "Horizon", "Lantern", "Mirage", "Orbit", "Canyon", "Static", "Meadow", "Circuit", "Tide", "Ember", "Compass", "Cathedral", "Satellite", "Dream"];
const GENRES = ["lo-fi hip hop", "synthwave", "ambient", "deep house", "jazz trio", "orchestral", "drum and bass", "folk", "techno", "bossa nova", "trap", "post-rock"];
const INSTRUMENTS = ["piano", "analog synth", "acoustic guitar", "strings", "saxophone", "808 drums", "cello", "rhodes", "harp", "vocal chops", "brass", "marimba"];
const MOODS = ["melancholic", "uplifting", "dreamy", "dark", "playful", "tense", "nostalgic", "calm", "euphoric", "gritty"];
const MODELS = ["elevenlabs-music", "stable-audio-25", "minimax-music-v26", "ace-step-15", "seed-audio-1-0", "mmaudio-v2-text-to-audio"];
const CREATORS = ["local-owner", "ada", "bo", "chen", "dee"];

const pick = (list: string[], salt: number) =>
  `(${sqlArray(list)})[1 + abs(hashint4(g * ${salt})) % ${list.length}]`;
const sqlArray = (list: string[]) => `ARRAY[${list.map((item) => `'${item.replaceAll("'", "''")}'`).join(",")}]`;

async function seed(client: pg.Client) {
  await client.query(`
    INSERT INTO "Generation" (id, "batchId", model, request, "requestHash", title, "quotedUsd", "idempotencyKey", status, "creatorId", "createdAt", "updatedAt")
    SELECT md5('g' || g)::uuid, md5('g' || g)::uuid, ${pick(MODELS, 31)}, '{}'::jsonb, 'bench', 'bench', 0.05,
           'bench-' || g || ':0',
           -- "downloaded" lasts only until Venice confirms the clean-up: a few tracks at any time.
           (CASE WHEN g % 5000 = 0 THEN 'downloaded' ELSE 'completed' END)::"GenerationStatus",
           ${pick(CREATORS, 37)}, now() - make_interval(secs => g * 300), now()
    FROM generate_series(1, ${TRACKS}) AS g`);
  await client.query(`
    INSERT INTO "Track" (id, "generationId", title, prompt, model, format, bytes, "durationMs", sha256, "storageKey", peaks, favorite, "creatorId", "createdAt", "deletedAt")
    SELECT md5('t' || g)::uuid, gen.id,
           ${pick(ADJECTIVES, 11)} || ' ' || ${pick(NOUNS, 13)} || CASE WHEN g % 3 = 0 THEN ' (take ' || (g % 997) || ')' ELSE '' END,
           ${pick(MOODS, 17)} || ' ' || ${pick(GENRES, 19)} || ' with ' || ${pick(INSTRUMENTS, 23)} || ' and ' || ${pick(INSTRUMENTS, 29)}
             || ', ' || (60 + abs(hashint4(g * 41)) % 120) || ' bpm, for a ' || lower(${pick(NOUNS, 43)}) || ' scene',
           gen.model, 'mp3', 480000, 5000 + abs(hashint4(g * 47)) % 295000, repeat('0', 64), 'tracks/' || g || '.mp3',
           '[0, 0]'::jsonb, g % 10 = 0, gen."creatorId",
           -- Many tracks share a timestamp (a batch of takes lands together), to exercise ties.
           date_trunc('minute', gen."createdAt"), CASE WHEN g % 50 = 7 THEN now() ELSE NULL END
    FROM generate_series(1, ${TRACKS}) AS g JOIN "Generation" gen ON gen.id = md5('g' || g)::uuid`);
  // As autovacuum would leave a table this size: statistics, visibility map and hint bits set.
  await client.query(`VACUUM ANALYZE "Generation"`);
  await client.query(`VACUUM ANALYZE "Track"`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type ListTracks = typeof import("@/lib/api/tracks/list-tracks");

const kindOf = (query: Record<string, string>) => (query.q ? "with search" : "without search");

async function measure({ listTracks, listTracksQuerySchema }: ListTracks, label: string) {
  console.log(`\n== ${label}: ${REPETITIONS} runs per query, 50-row pages`);
  console.log("query".padEnd(36), "rows  p50_ms  p95_ms  max_ms");
  const timesByKind = new Map<string, number[]>();
  for (const { name, query } of CASES) {
    let parsed = listTracksQuerySchema.parse(query);
    if (name.endsWith("page 2")) {
      const first = await listTracks(parsed);
      parsed = listTracksQuerySchema.parse({ ...query, cursor: first.nextCursor ?? undefined });
    }
    for (let i = 0; i < 5; i++) await listTracks(parsed);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < REPETITIONS; i++) {
      const start = performance.now();
      rows = (await listTracks(parsed)).tracks.length;
      times.push(performance.now() - start);
    }
    const kind = kindOf(query);
    timesByKind.set(kind, [...(timesByKind.get(kind) ?? []), ...times]);
    times.sort((a, b) => a - b);
    console.log(name.padEnd(36), String(rows).padStart(4), fmt(percentile(times, 50)), fmt(percentile(times, 95)), fmt(times.at(-1)!));
  }
  const p95ByKind = new Map<string, number>();
  for (const [kind, times] of timesByKind) {
    times.sort((a, b) => a - b);
    console.log(`all ${kind}`.padEnd(36), "    ", fmt(percentile(times, 50)), fmt(percentile(times, 95)), fmt(times.at(-1)!));
    p95ByKind.set(kind, percentile(times, 95));
  }
  return p95ByKind;
}

const fmt = (ms: number) => ms.toFixed(2).padStart(7);

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-bench-library-"));
  const port = 30000 + Math.floor(Math.random() * 20000);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port });
  try {
    await applyMigrations(server.url);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const start = performance.now();
    await seed(client);
    await client.query(`ANALYZE`);
    await client.end();
    console.log(`seeded ${TRACKS} tracks (+ generations) in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    process.env.DATABASE_URL = server.url;
    process.env.LOG_LEVEL = "silent";
    const library: ListTracks = await import("@/lib/api/tracks/list-tracks");

    const p95ByKind = await measure(library, "schema as migrated");
    reportFigures(
      "library",
      [...p95ByKind].map(([kind, p95]) => ({ figure: `50-row page p95, ${kind}`, value: `${p95.toFixed(1)} ms`, target: `≤ ${TARGET_P95_MS} ms`, pass: p95 <= TARGET_P95_MS })),
      `${TRACKS} tracks, ${REPETITIONS} runs of each of ${CASES.length} queries, server time of lib/api/tracks/list-tracks.ts.`,
    );
    const { db } = await import("@/lib/db/client");
    await (await db()).$disconnect();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
