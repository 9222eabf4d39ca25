import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedBatch, seedGeneration, seedTrack } from "../support/library";
import { createMember, signInAs, type TestMember } from "../support/members";
import { call, jsonInit } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

// The library list and one track's routes, through the route handlers on a real PostgreSQL;
// Venice (for model names) is the simulator over HTTP. Takes, keepers, favourites and who may
// do what: tracks-takes.test.ts.

const studio = setUpStudio({ simulator: {} });
let owner: TestMember;

beforeAll(async () => {
  owner = await signInAs(studio.database.url, "owner");
});
beforeEach(() => studio.sql.query(`TRUNCATE "Track", "Generation" CASCADE`));

const tracksRoute = () => import("@/app/api/tracks/route");
const trackRoute = () => import("@/app/api/tracks/[id]/route");

async function list(query: string) {
  const { GET } = await tracksRoute();
  return call(GET, `/api/tracks${query}`);
}

type Page = { batches: { batchId: string; tracks: { id: string; title: string; takeNumber: number }[] }[]; nextCursor: string | null };

async function listJson(query: string): Promise<Page> {
  const response = await list(query);
  expect(response.status).toBe(200);
  return response.json();
}

/** The ids of a page's tracks, batch after batch. */
const trackIds = (page: Page) => page.batches.flatMap((batch) => batch.tracks.map((track) => track.id));

const MISSING_ID = "6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11";

describe("GET /api/tracks", () => {
  it("lists live tracks newest first, one entry per batch, each as the viewer sees it, without storage internals", async () => {
    const older = await seedTrack(studio.sql, { title: "Older", createdAt: new Date("2026-01-01T10:00:00Z") });
    const newer = await seedTrack(studio.sql, {
      title: "Newer",
      prompt: "A sea shanty",
      request: { model: "elevenlabs-music", prompt: "A sea shanty", lyrics_prompt: "Heave ho, heave ho", duration_seconds: 60 },
      createdAt: new Date("2026-01-02T10:00:00Z"),
      status: "downloaded",
      loudnessLufs: -13.5,
      quotedUsd: 0.125,
      creatorId: owner.id,
    });
    await seedTrack(studio.sql, { title: "Gone", deletedAt: new Date() });

    const body = await listJson("");
    expect(body.nextCursor).toBeNull();
    expect(body.batches).toEqual([
      {
        batchId: newer.batchId,
        tracks: [
          {
            id: newer.id,
            generationId: expect.any(String),
            batchId: newer.batchId,
            takeIndex: 0,
            takeNumber: 1,
            takeCount: 1,
            title: "Newer",
            prompt: "A sea shanty",
            lyrics: "Heave ho, heave ho",
            model: "elevenlabs-music",
            modelName: "ElevenLabs Music",
            format: "mp3",
            bytes: 1024,
            durationMs: 30_000,
            loudnessLufs: -13.5,
            costUsd: 0.125,
            creator: { id: owner.id, name: "You" },
            createdAt: "2026-01-02T10:00:00.000Z",
            status: "downloaded",
            audioUrl: `/api/tracks/${newer.id}/audio`,
            peaksUrl: `/api/tracks/${newer.id}/peaks`,
            downloadUrl: `/api/tracks/${newer.id}/audio?download=1`,
            favorite: false,
            kept: false,
            canEdit: true,
          },
        ],
      },
      { batchId: older.batchId, tracks: [expect.objectContaining({ id: older.id, title: "Older", status: "completed", lyrics: null })] },
    ]);
  });

  it("shows the model id when Venice's catalog no longer lists the model, and a removed creator as a former member", async () => {
    await seedTrack(studio.sql, { model: "retired-model", creatorId: "long-gone" });
    const [track] = (await listJson("")).batches[0]!.tracks as unknown as { modelName: string; creator: unknown }[];
    expect(track).toMatchObject({ modelName: "retired-model", creator: { id: "long-gone", name: "Former member" } });
  });

  it("walks every batch exactly once, in each sort order, placed by its first take and with ties broken by id", async () => {
    // Few distinct values, so most rows tie on the sorted column; the takes of a batch differ,
    // so a batch's first take under a sort is not always take 1.
    const titles = ["Blue", "amber", "Amber", "blue", "Échos", "Amber"];
    let i = 0;
    for (let batch = 0; batch < 17; batch++) {
      await seedBatch(studio.sql, 1 + (batch % 3), { createdAt: new Date(Date.UTC(2026, 0, 1 + (batch % 4))) }, () => {
        i++;
        return { title: titles[i % titles.length]!, durationMs: [30_000, 60_000, 90_000][i % 3]!, deletedAt: i % 9 === 0 ? new Date() : null };
      });
    }
    const expected = {
      newest: `"createdAt" DESC, id DESC`,
      oldest: `"createdAt" ASC, id ASC`,
      title: `title ASC, id ASC`,
      duration: `"durationMs" ASC, id ASC`,
    };
    for (const [sort, orderBy] of Object.entries(expected)) {
      const batches = await batchesInOrder(orderBy);
      const seen: { batchId: string; ids: string[] }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await listJson(`?sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.batches.length).toBeLessThanOrEqual(4);
        seen.push(...page.batches.map((batch) => ({ batchId: batch.batchId, ids: batch.tracks.map((track) => track.id) })));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(seen, sort).toEqual(batches);
      expect(pages).toBe(Math.ceil(batches.length / 4));
    }
  });

  it("searches title, prompt and lyrics, case-insensitively, with % and _ taken literally, listing the takes that match", async () => {
    const byTitle = await seedTrack(studio.sql, { title: "Midnight Harbour", prompt: "slow synth pads" });
    const byPrompt = await seedTrack(studio.sql, { title: "Untitled", prompt: "Lo-fi beat with a HARBOUR ambience" });
    const byLyrics = await seedTrack(studio.sql, {
      title: "Sea song",
      prompt: "folk",
      request: { model: "elevenlabs-music", prompt: "folk", lyrics_prompt: "Down by the harbour wall" },
    });
    // A batch whose second take alone was renamed to match.
    const [, renamed] = await seedBatch(studio.sql, 2, { title: "Sunrise", prompt: "bright ukulele" }, (take) => (take === 1 ? { title: "Harbour dawn" } : {}));
    await seedTrack(studio.sql, { title: "Sunrise", prompt: "bright ukulele" });
    const percent = await seedTrack(studio.sql, { title: "100% energy", prompt: "drums" });
    await seedTrack(studio.sql, { title: "1000 energy", prompt: "drums" });
    await seedTrack(studio.sql, { title: "Harbour (deleted)", deletedAt: new Date() });

    const found = await listJson("?q=harbour");
    expect(trackIds(found).sort()).toEqual([byTitle.id, byPrompt.id, byLyrics.id, renamed!.id].sort());
    expect(found.batches.find((batch) => batch.batchId === renamed!.batchId)!.tracks.map((track) => track.takeNumber)).toEqual([2]);
    expect(trackIds(await listJson("?q=%20HARB%20"))).toHaveLength(4);
    expect(trackIds(await listJson("?q=BY THE HARB"))).toEqual([byLyrics.id]);
    expect(trackIds(await listJson("?q=100%25"))).toEqual([percent.id]);
    expect((await listJson("?q=1_0")).batches).toEqual([]);
    expect((await listJson("?q=nothing-like-this")).batches).toEqual([]);
  });

  it("filters by model, creator, the viewer's favourites and keepers; status=ready (the default) lists downloaded and completed tracks", async () => {
    await studio.sql.query(`INSERT INTO "user" (id, name, email, "updatedAt") VALUES ('ada', 'Ada', 'ada@studio.test', now()) ON CONFLICT (id) DO NOTHING`);
    const a = await seedTrack(studio.sql, { model: "stable-audio", creatorId: "ada", favoritedBy: [owner.id], status: "completed" });
    const b = await seedTrack(studio.sql, { model: "elevenlabs-music", creatorId: "ada", favoritedBy: ["ada"], status: "downloaded", keptAt: new Date() });
    const c = await seedTrack(studio.sql, { model: "elevenlabs-music", creatorId: "bo", favoritedBy: [owner.id, "ada"], keptAt: new Date() });
    await seedGeneration(studio.sql, { model: "stable-audio", creatorId: "ada", status: "failed" });
    const ids = async (query: string) => trackIds(await listJson(query)).sort();

    expect(await ids("")).toEqual([a.id, b.id, c.id].sort());
    expect(await ids("?status=ready")).toEqual([a.id, b.id, c.id].sort());
    expect(await ids("?model=stable-audio")).toEqual([a.id]);
    expect(await ids("?creator=ada")).toEqual([a.id, b.id].sort());
    expect(await ids("?creator=nobody")).toEqual([]);
    expect(await ids("?favorite=1")).toEqual([a.id, c.id].sort());
    expect(await ids("?favorite=false")).toEqual([b.id]);
    expect(await ids("?keepers=1")).toEqual([b.id, c.id].sort());
    expect(await ids("?keepers=0")).toEqual([a.id, b.id, c.id].sort());
    expect(await ids("?keepers=1&favorite=1")).toEqual([c.id]);
    expect(await ids("?status=ready&creator=bo&favorite=true&model=elevenlabs-music")).toEqual([c.id]);
  });

  it("refuses invalid queries with 400 and field errors", async () => {
    await seedTrack(studio.sql);
    const { nextCursor } = await listJson("?limit=1&sort=title");
    expect(nextCursor).toBeNull();
    await seedTrack(studio.sql);
    const titleCursor = (await listJson("?limit=1&sort=title")).nextCursor!;

    for (const [query, field] of [
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?limit=ten", "limit"],
      ["?sort=random", "sort"],
      ["?status=downloaded", "status"],
      ["?status=", "status"],
      ["?creator=", "creator"],
      [`?creator=${"x".repeat(201)}`, "creator"],
      ["?status=failed&sort=title", "sort"],
      ["?status=expired&sort=duration", "sort"],
      ["?status=uncertain&favorite=1", "favorite"],
      ["?status=failed&keepers=1", "keepers"],
      ["?favorite=maybe", "favorite"],
      ["?keepers=yes", "keepers"],
      ["?cursor=not-a-cursor", "cursor"],
      [`?cursor=${titleCursor}&sort=newest`, "cursor"],
      [`?q=${"x".repeat(201)}`, "q"],
      ["?q=ab", "q"],
    ] as const) {
      const response = await list(query);
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expect(body.error).toBe("Some fields are invalid.");
      expect(Object.keys(body.fields), query).toEqual([field]);
    }
  });
});

/**
 * The library's batches in the order `orderBy` puts the live tracks: each batch where its first
 * take is, with its live takes by take number.
 */
async function batchesInOrder(orderBy: string): Promise<{ batchId: string; ids: string[] }[]> {
  const { rows } = await studio.sql.query<{ id: string; batchId: string; takeIndex: number }>(
    `SELECT id, "batchId", "takeIndex" FROM "Track" WHERE "deletedAt" IS NULL ORDER BY ${orderBy}`,
  );
  const batches = new Map<string, { id: string; takeIndex: number }[]>();
  for (const row of rows) batches.set(row.batchId, [...(batches.get(row.batchId) ?? []), row]);
  return [...batches].map(([batchId, takes]) => ({ batchId, ids: takes.sort((a, b) => a.takeIndex - b.takeIndex).map((take) => take.id) }));
}

describe("GET/PATCH/DELETE /api/tracks/:id and restore", () => {
  it("gets a track with every live take of its batch and its settings; unknown, malformed and deleted ids are 404 JSON", async () => {
    const request = { model: "elevenlabs-music", prompt: "Rain on a tin roof", lyrics_prompt: "Drip drop", duration_seconds: "45", force_instrumental: false };
    const [first, second, gone, third] = await seedBatch(studio.sql, 4, { title: "Here", request }, (take) => (take === 2 ? { deletedAt: new Date() } : {}));
    const deleted = await seedTrack(studio.sql, { deletedAt: new Date() });
    const { GET } = await trackRoute();

    const found = await call(GET, `/api/tracks/${second!.id}`, {}, { id: second!.id });
    expect(found.status).toBe(200);
    const body = await found.json();
    expect(Object.keys(body)).toEqual(["track", "takes", "settings"]);
    expect(body.track).toMatchObject({ id: second!.id, title: "Here", takeNumber: 2, takeCount: 3, lyrics: "Drip drop", modelName: "ElevenLabs Music" });
    expect(body.takes.map((take: { id: string }) => take.id)).toEqual([first!.id, second!.id, third!.id]);
    expect(body.takes.map((take: { takeNumber: number }) => take.takeNumber)).toEqual([1, 2, 4]);
    expect(body.takes[1]).toEqual(body.track);
    expect(body.settings).toEqual({ prompt: "Rain on a tin roof", lyrics_prompt: "Drip drop", duration_seconds: 45, force_instrumental: false });

    for (const id of [MISSING_ID, "not-a-uuid", deleted.id, gone!.id]) {
      const response = await call(GET, `/api/tracks/${id}`, {}, { id });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "This track does not exist or was deleted." });
    }
  });

  it("answers null settings for a request an older studio stored in another shape", async () => {
    const track = await seedTrack(studio.sql, { request: { prompt: "no model field", extra: true } });
    const { GET } = await trackRoute();
    const body = await (await call(GET, `/api/tracks/${track.id}`, {}, { id: track.id })).json();
    expect(body).toMatchObject({ track: { id: track.id, lyrics: null }, settings: null });
  });

  it("renames (trimmed) and favorites", async () => {
    const track = await seedTrack(studio.sql, { title: "Old name" });
    const { PATCH, GET } = await trackRoute();

    const renamed = await call(PATCH, `/api/tracks/${track.id}`, jsonInit("PATCH", { title: "  New name  " }), { id: track.id });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id: track.id, title: "New name", favorite: false });

    const favorited = await call(PATCH, `/api/tracks/${track.id}`, jsonInit("PATCH", { favorite: true }), { id: track.id });
    expect(await favorited.json()).toMatchObject({ title: "New name", favorite: true });
    // Favouriting twice is still one favourite; un-favouriting removes it.
    expect((await call(PATCH, `/api/tracks/${track.id}`, jsonInit("PATCH", { favorite: true }), { id: track.id })).status).toBe(200);
    expect((await call(GET, `/api/tracks/${track.id}`, {}, { id: track.id }).then((r) => r.json())).track).toMatchObject({ title: "New name", favorite: true });
    const unfavorited = await call(PATCH, `/api/tracks/${track.id}`, jsonInit("PATCH", { favorite: false }), { id: track.id });
    expect(await unfavorited.json()).toMatchObject({ favorite: false });
    const { rows } = await studio.sql.query(`SELECT * FROM "Favorite"`);
    expect(rows).toEqual([]);
  });

  it("refuses invalid changes with 400 and field errors, and unknown tracks with 404", async () => {
    const track = await seedTrack(studio.sql);
    const { PATCH } = await trackRoute();
    const patch = (init: RequestInit, id = track.id) => call(PATCH, `/api/tracks/${id}`, init, { id });

    for (const [body, field] of [
      [{ title: "   " }, "title"],
      [{ title: "x".repeat(201) }, "title"],
      [{ title: 42 }, "title"],
      [{ favorite: "yes" }, "favorite"],
      [{ kept: 1 }, "kept"],
      [{ color: "red" }, "_"],
      [{}, "_"],
      [{ title: "Both", favorite: true }, "_"],
      [{ favorite: true, kept: true }, "_"],
    ] as const) {
      const response = await patch(jsonInit("PATCH", body));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((await response.json()).fields)).toEqual([field]);
    }
    const notJson = await patch({ method: "PATCH", body: "title=x" });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "The request body must be JSON." });

    expect((await patch(jsonInit("PATCH", { title: "x" }), MISSING_ID)).status).toBe(404);
  });

  it("soft-deletes (hidden everywhere) and restores", async () => {
    const track = await seedTrack(studio.sql, { title: "Keep me" });
    const { GET, DELETE, PATCH } = await trackRoute();
    const { POST: RESTORE } = await import("@/app/api/tracks/[id]/restore/route");
    const { GET: PEAKS } = await import("@/app/api/tracks/[id]/peaks/route");
    const params = { id: track.id };

    const deleted = await call(DELETE, `/api/tracks/${track.id}`, { method: "DELETE" }, params);
    expect(deleted.status).toBe(200);
    const body = await deleted.json();
    expect(body).toEqual({ id: track.id, deletedAt: expect.any(String) });
    expect(Date.now() - Date.parse(body.deletedAt)).toBeLessThan(60_000);

    expect((await call(GET, `/api/tracks/${track.id}`, {}, params)).status).toBe(404);
    expect((await call(PATCH, `/api/tracks/${track.id}`, jsonInit("PATCH", { favorite: true }), params)).status).toBe(404);
    expect((await call(PEAKS, `/api/tracks/${track.id}/peaks`, {}, params)).status).toBe(404);
    expect((await call(DELETE, `/api/tracks/${track.id}`, { method: "DELETE" }, params)).status).toBe(404);
    expect((await listJson("")).batches).toEqual([]);
    expect((await listJson("?q=keep")).batches).toEqual([]);

    const restored = await call(RESTORE, `/api/tracks/${track.id}/restore`, { method: "POST" }, params);
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ id: track.id, title: "Keep me" });
    expect((await call(GET, `/api/tracks/${track.id}`, {}, params)).status).toBe(200);
    expect(trackIds(await listJson(""))).toEqual([track.id]);

    const again = await call(RESTORE, `/api/tracks/${track.id}/restore`, { method: "POST" }, params);
    expect(again.status).toBe(200);
    const unknown = await call(RESTORE, `/api/tracks/${MISSING_ID}/restore`, { method: "POST" }, { id: MISSING_ID });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "This track does not exist." });
  });

  it("lets a creator undo their own delete, but only an admin restore a track an admin deleted", async () => {
    const creator = await createMember(studio.database.url, "member", "Cleo Creator");
    const admin = await createMember(studio.database.url, "admin", "Ada Admin");
    const { DELETE } = await trackRoute();
    const { POST: RESTORE } = await import("@/app/api/tracks/[id]/restore/route");
    const as = (who: TestMember, method: string) => ({ method, headers: { cookie: who.cookie } });
    const remove = (id: string, who: TestMember) => call(DELETE, `/api/tracks/${id}`, as(who, "DELETE"), { id });
    const restore = (id: string, who: TestMember) => call(RESTORE, `/api/tracks/${id}/restore`, as(who, "POST"), { id });

    const ownDelete = await seedTrack(studio.sql, { creatorId: creator.id, title: "Mine to undo" });
    expect((await remove(ownDelete.id, creator)).status).toBe(200);
    const undone = await restore(ownDelete.id, creator);
    expect(undone.status).toBe(200);
    expect(await undone.json()).toMatchObject({ id: ownDelete.id, title: "Mine to undo" });

    const takenDown = await seedTrack(studio.sql, { creatorId: creator.id, title: "Taken down" });
    expect((await remove(takenDown.id, admin)).status).toBe(200);
    const refused = await restore(takenDown.id, creator);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "An admin deleted this track, so only an admin can restore it." });
    const { rows } = await studio.sql.query(`SELECT "deletedAt", "deletedById" FROM "Track" WHERE id = $1`, [takenDown.id]);
    expect(rows[0]).toEqual({ deletedAt: expect.any(Date), deletedById: admin.id });
    // Another admin (here the owner) may bring it back; then it is the creator's again.
    expect((await restore(takenDown.id, owner)).status).toBe(200);
    expect((await remove(takenDown.id, creator)).status).toBe(200);
    expect((await restore(takenDown.id, creator)).status).toBe(200);

    // A track deleted before the studio kept who deleted it is treated as an admin's delete.
    const unknownDeleter = await seedTrack(studio.sql, { creatorId: creator.id, deletedAt: new Date() });
    expect((await restore(unknownDeleter.id, creator)).status).toBe(403);
    expect((await restore(unknownDeleter.id, admin)).status).toBe(200);

    // Two deletes at once: one of them is answered 404, and the other is the one recorded.
    for (let round = 0; round < 5; round++) {
      const contested = await seedTrack(studio.sql, { creatorId: creator.id });
      const [byAdmin, byCreator] = await Promise.all([remove(contested.id, admin), remove(contested.id, creator)]);
      expect([byAdmin.status, byCreator.status].sort()).toEqual([200, 404]);
      const { rows: deleter } = await studio.sql.query(`SELECT "deletedById" FROM "Track" WHERE id = $1`, [contested.id]);
      expect(deleter[0].deletedById).toBe(byAdmin.status === 200 ? admin.id : creator.id);
    }
  });
});

describe("GET /api/tracks/:id/peaks", () => {
  it("answers the waveform with long cache headers", async () => {
    const track = await seedTrack(studio.sql, { peaks: [-0.1, 0.2, -0.3, 0.4], durationMs: 12_345 });
    const { GET } = await import("@/app/api/tracks/[id]/peaks/route");
    const response = await call(GET, `/api/tracks/${track.id}/peaks`, {}, { id: track.id });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(await response.json()).toEqual({ peaks: [-0.1, 0.2, -0.3, 0.4], durationMs: 12_345 });

    const missing = await call(GET, `/api/tracks/${MISSING_ID}/peaks`, {}, { id: MISSING_ID });
    expect(missing.status).toBe(404);
  });
});
