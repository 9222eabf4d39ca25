// bench/library: server time of one library page (lib/api/tracks/list-tracks.ts) over 100k
// tracks in 40k batches of 1–4 takes, without and with search (title and prompt served by the
// pg_trgm indexes of the migrations; lyrics copied to each track as the store step does).
// Run: npx tsx --conditions=react-server bench/library.ts [repetitions]   (default 200 per query)
//      (react-server: the studio's modules import "server-only", which only that condition allows)
// Starts its own embedded PostgreSQL in a temp dir (and, for model names, the Venice simulator);
// prints p50/p95 ms per query and overall.
// Target: p95 ≤ 25 ms for a 50-batch page, with search and without.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { startVeniceSimulator } from "@/lib/venice-sim/server";
import { reportFigures } from "./report";

// Batch b has 1 + b % 4 takes: 40k batches make 100k tracks.
const BATCHES = 40_000;
const TRACKS = 100_000;
const REPETITIONS = Number(process.argv[2]) || 200;
const TARGET_P95_MS = 25;

type Case = { name: string; query: Record<string, string> };

const CASES: Case[] = [
  { name: "newest, no search", query: {} },
  { name: "title sort, no search", query: { sort: "title" } },
  { name: "duration sort, no search", query: { sort: "duration" } },
  { name: "favorites, no search", query: { favorite: "1" } },
  { name: "keepers, no search", query: { keepers: "1" } },
  { name: "creator, no search", query: { creator: "ada" } },
  { name: "status=ready, no search", query: { status: "ready" } },
  { name: "newest, page 2", query: {} },
  { name: 'q="piano" (common, prompt)', query: { q: "piano" } },
  { name: 'q="Midnight" (title word)', query: { q: "Midnight" } },
  { name: 'q="lo-fi" (genre)', query: { q: "lo-fi" } },
  { name: 'q="amb" (substring)', query: { q: "amb" } },
  { name: 'q="take 421" (rare)', query: { q: "take 421" } },
  { name: 'q="velvet harbour" (two words)', query: { q: "velvet harbour" } },
  { name: 'q="lighthouse" (lyrics only, rare)', query: { q: "lighthouse" } },
  { name: 'q="xylophone quartet" (no match)', query: { q: "xylophone quartet" } },
  { name: 'q="piano" + favorites', query: { q: "piano", favorite: "1" } },
  { name: 'q="piano" + keepers', query: { q: "piano", keepers: "1" } },
  { name: 'q="cello" + model', query: { q: "cello", model: "ace-step-15" } },
  { name: 'q="cello" + creator + ready', query: { q: "cello", creator: "ada", status: "ready" } },
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
const LYRIC_WORDS = ["moon", "river", "heart", "midnight", "dancing", "fire", "rain", "hold", "tonight", "forever", "city", "lights", "dream", "shadow", "gold", "ocean", "home", "run", "alone", "stars", "la", "oh", "baby", "again"];
/** Whose library the pages are: a member with favourites of their own. */
const VIEWER = { id: "ada", name: "Ada", email: "ada@bench.test", role: "member" } as const;

const pick = (list: string[], salt: number, key = "g") =>
  `(${sqlArray(list)})[1 + abs(hashint4(${key} * ${salt})) % ${list.length}]`;
const sqlArray = (list: string[]) => `ARRAY[${list.map((item) => `'${item.replaceAll("'", "''")}'`).join(",")}]`;

async function seed(client: pg.Client) {
  await client.query(`
    INSERT INTO "user" (id, name, email, "updatedAt")
    SELECT id, initcap(id), id || '@bench.test', now() FROM unnest(${sqlArray(CREATORS)}::text[]) AS id`);
  // Take k of batch b is track g; a batch's takes share its prompt, title and time.
  await client.query(`
    CREATE TEMP TABLE takes AS
    SELECT row_number() OVER (ORDER BY b, k)::int AS g, b, k FROM generate_series(1, ${BATCHES}) AS b, generate_series(0, b % 4) AS k`);
  await client.query(`
    INSERT INTO "Generation" (id, "batchId", "takeIndex", model, request, "requestHash", title, "quotedUsd", "idempotencyKey", status, "creatorId", "createdAt", "updatedAt")
    SELECT md5('g' || g)::uuid, md5('b' || b)::uuid, k, ${pick(MODELS, 31, "b")},
           -- A third of the batches have lyrics (~300 characters); "lighthouse" is in a few only.
           CASE WHEN b % 3 = 0 THEN jsonb_build_object('prompt', 'bench', 'lyrics_prompt',
             CASE WHEN b % 997 = 0 THEN 'the lighthouse keeps ' ELSE '' END ||
             (SELECT string_agg(${pick(LYRIC_WORDS, 53, "(b * 64 + i)")}, ' ') FROM generate_series(1, 60) AS i))
           ELSE '{}'::jsonb END,
           'bench', 'bench', 0.05, 'bench-' || g || ':' || k,
           -- "downloaded" lasts only until Venice confirms the clean-up: a few tracks at any time.
           (CASE WHEN g % 5000 = 0 THEN 'downloaded' ELSE 'completed' END)::"GenerationStatus",
           ${pick(CREATORS, 37, "b")}, now() - make_interval(secs => b * 750), now()
    FROM takes`);
  await client.query(`
    INSERT INTO "Track" (id, "generationId", "batchId", "takeIndex", lyrics, title, prompt, model, format, bytes, "durationMs", sha256, "storageKey", peaks,
                         "loudnessLufs", "keptAt", "creatorId", "createdAt", "deletedAt")
    SELECT md5('t' || g)::uuid, gen.id, gen."batchId", k, NULLIF(gen.request->>'lyrics_prompt', ''),
           ${pick(ADJECTIVES, 11, "b")} || ' ' || ${pick(NOUNS, 13, "b")} || CASE WHEN b % 3 = 0 THEN ' (take ' || (b % 997) || ')' ELSE '' END,
           ${pick(MOODS, 17, "b")} || ' ' || ${pick(GENRES, 19, "b")} || ' with ' || ${pick(INSTRUMENTS, 23, "b")} || ' and ' || ${pick(INSTRUMENTS, 29, "b")}
             || ', ' || (60 + abs(hashint4(b * 41)) % 120) || ' bpm, for a ' || lower(${pick(NOUNS, 43, "b")}) || ' scene',
           gen.model, 'mp3', 480000, 5000 + abs(hashint4(g * 47)) % 295000, repeat('0', 64), 'tracks/' || g || '.mp3', '[0, 0]'::jsonb,
           -14 - (g % 9), CASE WHEN b % 5 = 0 AND k = 0 THEN gen."createdAt" END, gen."creatorId",
           -- Many batches share a timestamp, to exercise ties.
           date_trunc('minute', gen."createdAt"), CASE WHEN g % 50 = 7 THEN now() ELSE NULL END
    FROM takes JOIN "Generation" gen ON gen.id = md5('g' || g)::uuid`);
  // The viewer's favourites (a tenth of the tracks), and another member's.
  await client.query(`
    INSERT INTO "Favorite" ("memberId", "trackId")
    SELECT CASE WHEN g % 10 = 0 THEN 'ada' ELSE 'bo' END, md5('t' || g)::uuid FROM takes WHERE g % 10 IN (0, 5)`);
  // As autovacuum would leave a table this size: statistics, visibility map and hint bits set.
  for (const table of ["Generation", "Track", "Favorite"]) await client.query(`VACUUM ANALYZE "${table}"`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type ListTracks = typeof import("@/lib/api/tracks/list-tracks");

const kindOf = (query: Record<string, string>) => (query.q ? "with search" : "without search");
const list = ({ listTracks }: ListTracks, query: Parameters<ListTracks["listTracks"]>[0]) => listTracks(query, VIEWER);

async function measure(library: ListTracks, label: string) {
  const { listTracksQuerySchema } = library;
  console.log(`\n== ${label}: ${REPETITIONS} runs per query, 50-batch pages`);
  console.log("query".padEnd(38), "batches tracks  p50_ms  p95_ms  max_ms");
  const timesByKind = new Map<string, number[]>();
  for (const { name, query } of CASES) {
    let parsed = listTracksQuerySchema.parse(query);
    if (name.endsWith("page 2")) {
      const first = await list(library, parsed);
      parsed = listTracksQuerySchema.parse({ ...query, cursor: first.nextCursor ?? undefined });
    }
    for (let i = 0; i < 5; i++) await list(library, parsed);
    const times: number[] = [];
    let page = { batches: 0, tracks: 0 };
    for (let i = 0; i < REPETITIONS; i++) {
      const start = performance.now();
      const { batches } = await list(library, parsed);
      times.push(performance.now() - start);
      page = { batches: batches.length, tracks: batches.reduce((sum, batch) => sum + batch.tracks.length, 0) };
    }
    const kind = kindOf(query);
    timesByKind.set(kind, [...(timesByKind.get(kind) ?? []), ...times]);
    times.sort((a, b) => a - b);
    console.log(name.padEnd(38), String(page.batches).padStart(7), String(page.tracks).padStart(6), fmt(percentile(times, 50)), fmt(percentile(times, 95)), fmt(times.at(-1)!));
  }
  const p95ByKind = new Map<string, number>();
  for (const [kind, times] of timesByKind) {
    times.sort((a, b) => a - b);
    console.log(`all ${kind}`.padEnd(38), "              ", fmt(percentile(times, 50)), fmt(percentile(times, 95)), fmt(times.at(-1)!));
    p95ByKind.set(kind, percentile(times, 95));
  }
  return p95ByKind;
}

const fmt = (ms: number) => ms.toFixed(2).padStart(7);

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-bench-library-"));
  const port = 30000 + Math.floor(Math.random() * 20000);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port });
  // Model names come from Venice's catalog (cached a minute): the simulator over HTTP.
  const venice = await startVeniceSimulator({ port: 0 });
  try {
    await applyMigrations(server.url);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const start = performance.now();
    await seed(client);
    await client.query(`ANALYZE`);
    await client.end();
    console.log(`seeded ${TRACKS} tracks in ${BATCHES} batches (+ generations, favourites) in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    process.env.DATABASE_URL = server.url;
    process.env.LOG_LEVEL = "silent";
    process.env.VENICE_API_BASE = venice.url;
    process.env.VENICE_API_KEY = venice.apiKey;
    const library: ListTracks = await import("@/lib/api/tracks/list-tracks");

    const p95ByKind = await measure(library, "schema as migrated");
    reportFigures(
      "library",
      [...p95ByKind].map(([kind, p95]) => ({ figure: `50-batch page p95, ${kind}`, value: `${p95.toFixed(1)} ms`, target: `≤ ${TARGET_P95_MS} ms`, pass: p95 <= TARGET_P95_MS })),
      `${TRACKS} tracks in ${BATCHES} batches, ${REPETITIONS} runs of each of ${CASES.length} queries, server time of lib/api/tracks/list-tracks.ts.`,
    );
    const { db } = await import("@/lib/db/client");
    await (await db()).$disconnect();
  } finally {
    await venice.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
