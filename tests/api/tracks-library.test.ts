import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedGeneration, seedTrack } from "../support/library";
import { signInAs, type TestMember } from "../support/members";
import { call } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

// The library's status lists (generations that ended without a track), its creator filter
// and "Reuse settings", through the route handlers on a real PostgreSQL.

const studio = setUpStudio();
let owner: TestMember;

beforeAll(async () => {
  owner = await signInAs(studio.database.url, "owner");
});
beforeEach(() => studio.sql.query(`TRUNCATE "Track", "Generation" CASCADE`));

const MISSING_ID = "6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11";

const routes = {
  list: () => import("@/app/api/tracks/route"),
  creators: () => import("@/app/api/tracks/creators/route"),
  settings: () => import("@/app/api/tracks/[id]/settings/route"),
};

async function get(path: string): Promise<Response> {
  const settings = /^\/api\/tracks\/([^/?]+)\/settings$/.exec(path);
  if (settings) return call((await routes.settings()).GET, path, {}, { id: settings[1]! });
  if (path.startsWith("/api/tracks/creators")) return call((await routes.creators()).GET, path);
  return call((await routes.list()).GET, path);
}

async function getJson<T>(path: string): Promise<T> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return response.json() as Promise<T>;
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Actual Rows": number; "Actual Loops": number; Plans?: PlanNode[] };

const planNodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(planNodes)];

type GenerationsPage = { generations: { id: string; status: string }[]; nextCursor: string | null };

describe("GET /api/tracks?status=failed|expired|uncertain", () => {
  it("lists the generations that ended that way, with what was asked and what happened to the money", async () => {
    const failed = await seedGeneration(studio.sql, {
      title: "Stormy sea",
      model: "stable-audio-25",
      request: { model: "stable-audio-25", prompt: "A stormy sea at night", duration_seconds: 45 },
      status: "failed",
      createdAt: new Date("2026-02-01T10:00:00Z"),
      errorCode: "INFERENCE_FAILED",
      errorMessage: "Venice could not generate this track; it was refunded.",
      suggestedPrompt: "A calm sea at night",
    });
    const expired = await seedGeneration(studio.sql, { status: "expired", errorCode: "EXPIRED", errorMessage: "Gone." });
    await seedGeneration(studio.sql, { status: "uncertain" });
    await seedTrack(studio.sql);

    const page = await getJson<GenerationsPage>("/api/tracks?status=failed");
    expect(page).toEqual({
      generations: [
        {
          id: failed.id,
          status: "failed",
          title: "Stormy sea",
          prompt: "A stormy sea at night",
          model: "stable-audio-25",
          creatorId: "local-owner",
          createdAt: "2026-02-01T10:00:00.000Z",
          error: { code: "INFERENCE_FAILED", message: "Venice could not generate this track; it was refunded.", suggestedPrompt: "A calm sea at night" },
        },
      ],
      nextCursor: null,
    });
    expect((await getJson<GenerationsPage>("/api/tracks?status=expired")).generations.map((g) => g.id)).toEqual([expired.id]);
    expect((await getJson<GenerationsPage>("/api/tracks?status=uncertain")).generations).toHaveLength(1);
  });

  it("searches title, prompt and lyrics, filters by model and creator, and pages newest or oldest first", async () => {
    const rows = [];
    for (let i = 0; i < 7; i++) {
      rows.push(
        await seedGeneration(studio.sql, {
          title: i === 0 ? "Harbour lights" : `Take ${i}`,
          request: { prompt: i === 1 ? "foghorn in a HARBOUR, 100% wet" : "drums", ...(i === 2 && { lyrics_prompt: "Meet me at the harbour" }) },
          model: i % 2 ? "stable-audio-25" : "elevenlabs-music",
          creatorId: i < 5 ? "local-owner" : "ada",
          // Pairs share a timestamp, so the id breaks ties.
          createdAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 2))),
        }),
      );
    }
    const ids = async (query: string) => (await getJson<GenerationsPage>(`/api/tracks?status=failed${query}`)).generations.map((g) => g.id);

    expect((await ids("&q=harbour")).sort()).toEqual([rows[0]!.id, rows[1]!.id, rows[2]!.id].sort());
    expect(await ids("&q=meet me")).toEqual([rows[2]!.id]);
    expect(await ids("&q=100%25")).toEqual([rows[1]!.id]);
    expect(await ids("&q=1_0")).toEqual([]);
    expect((await ids("&model=stable-audio-25")).sort()).toEqual([rows[1]!.id, rows[3]!.id, rows[5]!.id].sort());
    expect((await ids("&creator=ada")).sort()).toEqual([rows[5]!.id, rows[6]!.id].sort());

    for (const [sort, orderBy] of [["newest", "DESC"], ["oldest", "ASC"]] as const) {
      const { rows: expected } = await studio.sql.query<{ id: string }>(
        `SELECT id FROM "Generation" WHERE status = 'failed' ORDER BY "createdAt" ${orderBy}, id ${orderBy}`,
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: GenerationsPage = await getJson(`/api/tracks?status=failed&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
        seen.push(...page.generations.map((g) => g.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(expected.map((row) => row.id));
    }
  });

  it("refuses what a generation without a track cannot have, with 400 and field errors", async () => {
    for (const [query, field, message] of [
      ["?status=failed&sort=duration", "sort", "A failed generation has no track: sort by newest or oldest."],
      ["?status=expired&sort=title", "sort", "A expired generation has no track: sort by newest or oldest."],
      ["?status=uncertain&favorite=0", "favorite", "Only tracks can be favorites: filter favorites with status=ready."],
      ["?status=failed&keepers=1", "keepers", "Only tracks can be keepers: filter keepers with status=ready."],
      ["?status=completed", "status", "Status is one of ready, failed, expired, uncertain."],
      ["?status=failed&q=ab", "q", "Type at least 3 characters to search."],
    ] as const) {
      const response = await get(`/api/tracks${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toEqual({ error: "Some fields are invalid.", fields: { [field]: [message] } });
    }
  });
});

describe("GET /api/tracks/creators", () => {
  it("names everyone with a live track or a generation that ended without one, the viewer first as You", async () => {
    // Ada and Bo are members; zed's account was removed, their track stays.
    await studio.sql.query(`INSERT INTO "user" (id, name, email, "updatedAt") VALUES ('ada', 'Ada', 'ada@studio.test', now()), ('bo', 'Bo', 'bo@studio.test', now())
                        ON CONFLICT (id) DO NOTHING`);
    await seedTrack(studio.sql, { creatorId: "zed" });
    await seedTrack(studio.sql, { creatorId: owner.id });
    await seedTrack(studio.sql, { creatorId: owner.id });
    await seedTrack(studio.sql, { creatorId: "ada" });
    await seedTrack(studio.sql, { creatorId: "gone", deletedAt: new Date() });
    await seedGeneration(studio.sql, { creatorId: "bo", status: "expired" });
    await seedGeneration(studio.sql, { creatorId: "ada", status: "failed" });
    await seedGeneration(studio.sql, { creatorId: "cy", status: "processing" });

    expect(await getJson("/api/tracks/creators")).toEqual({
      creators: [
        { id: owner.id, name: "You" },
        { id: "ada", name: "Ada" },
        { id: "bo", name: "Bo" },
        { id: "zed", name: "Former member" },
      ],
    });
  });

  it("finds the distinct creators with one index probe each, not by reading every track", async () => {
    await studio.sql.query(`
      INSERT INTO "Generation" (id, "batchId", model, request, "requestHash", title, "quotedUsd", "idempotencyKey", status, "creatorId", "updatedAt")
      SELECT md5('g' || g)::uuid, md5('g' || g)::uuid, 'elevenlabs-music', '{}', 'h', 't', 0.05, 'k' || g, 'completed', 'creator-' || (g % 3), now()
      FROM generate_series(1, 20000) AS g`);
    await studio.sql.query(`
      INSERT INTO "Track" (id, "generationId", "batchId", title, prompt, model, format, bytes, "durationMs", sha256, "storageKey", peaks, "creatorId")
      SELECT md5('t' || g)::uuid, md5('g' || g)::uuid, md5('g' || g)::uuid, 't', 'p', 'elevenlabs-music', 'mp3', 1, 1000, '0', 'k' || g, '[]', 'creator-' || (g % 3)
      FROM generate_series(1, 20000) AS g`);
    await studio.sql.query(`ANALYZE "Track"`);
    const { creators } = await getJson<{ creators: { id: string }[] }>("/api/tracks/creators");
    expect(creators.map((c) => c.id)).toEqual(["creator-0", "creator-1", "creator-2"]);

    // The statement the route runs, explained: a few index probes read a few rows, where a
    // DISTINCT would read all 20,000.
    const { TRACK_CREATORS_SQL } = await import("@/lib/api/tracks/list-creators");
    const { rows } = await studio.sql.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${TRACK_CREATORS_SQL.sql}`);
    const scans = planNodes(rows[0]!["QUERY PLAN"][0].Plan).filter((node) => node["Node Type"].includes("Scan") && node["Relation Name"] === "Track");
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) expect(scan["Index Name"]).toBe("Track_creatorId_createdAt_idx");
    const rowsRead = scans.reduce((sum, scan) => sum + scan["Actual Rows"] * scan["Actual Loops"], 0);
    expect(rowsRead).toBeLessThanOrEqual(10);
  });
});

describe("GET /api/tracks/:id/settings", () => {
  it("answers the model and request that made a track, or a generation that ended without one", async () => {
    const track = await seedTrack(studio.sql, {
      title: "Renamed by me",
      model: "stable-audio-25",
      request: { model: "stable-audio-25", prompt: "Rain on a tin roof", duration_seconds: "45", force_instrumental: true },
    });
    const failed = await seedGeneration(studio.sql, {
      title: "Choir",
      model: "elevenlabs-music",
      request: { model: "elevenlabs-music", prompt: "A choir in a cathedral", lyrics_prompt: "Ah", duration_seconds: 30 },
    });

    expect(await getJson(`/api/tracks/${track.id}/settings`)).toEqual({
      title: "Renamed by me",
      model: "stable-audio-25",
      request: { prompt: "Rain on a tin roof", duration_seconds: 45, force_instrumental: true },
    });
    expect(await getJson(`/api/tracks/${failed.id}/settings`)).toEqual({
      title: "Choir",
      model: "elevenlabs-music",
      request: { prompt: "A choir in a cathedral", lyrics_prompt: "Ah", duration_seconds: 30 },
    });
  });

  it("is 404 for a deleted track, a generation still in flight, an unknown or a malformed id", async () => {
    const deleted = await seedTrack(studio.sql, { deletedAt: new Date() });
    const inFlight = await seedGeneration(studio.sql, { status: "processing" });
    for (const id of [deleted.id, inFlight.id, MISSING_ID, "not-a-uuid"]) {
      const response = await get(`/api/tracks/${id}/settings`);
      expect(response.status, id).toBe(404);
      expect(await response.json()).toEqual({ error: "There is nothing to reuse here: this track does not exist or was deleted." });
    }
  });
});
