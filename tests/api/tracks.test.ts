import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedGeneration, seedTrack } from "../support/library";
import { createMember, signInAs, type TestMember } from "../support/members";
import { call, jsonInit } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

const studio = setUpStudio();
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

async function listJson(query: string): Promise<{ tracks: { id: string; title: string }[]; nextCursor: string | null }> {
  const response = await list(query);
  expect(response.status).toBe(200);
  return response.json();
}

const MISSING_ID = "6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11";

describe("GET /api/tracks", () => {
  it("lists live tracks newest first, without storage internals", async () => {
    const older = await seedTrack(studio.sql, { title: "Older", createdAt: new Date("2026-01-01T10:00:00Z") });
    const newer = await seedTrack(studio.sql, { title: "Newer", createdAt: new Date("2026-01-02T10:00:00Z"), status: "downloaded" });
    await seedTrack(studio.sql, { title: "Gone", deletedAt: new Date() });

    const body = await listJson("");
    expect(body.nextCursor).toBeNull();
    expect(body.tracks).toEqual([
      {
        id: newer.id,
        generationId: expect.any(String),
        title: "Newer",
        prompt: newer.prompt,
        model: newer.model,
        format: "mp3",
        bytes: 1024,
        durationMs: 30_000,
        favorite: false,
        creatorId: "local-owner",
        createdAt: "2026-01-02T10:00:00.000Z",
        status: "downloaded",
        audioUrl: `/api/tracks/${newer.id}/audio`,
        peaksUrl: `/api/tracks/${newer.id}/peaks`,
      },
      expect.objectContaining({ id: older.id, title: "Older", status: "completed" }),
    ]);
  });

  it("walks every live row exactly once, in each sort order, with ties broken by id", async () => {
    // Few distinct values, so most rows tie on the sorted column.
    const titles = ["Blue", "amber", "Amber", "blue", "Échos", "Amber"];
    for (let i = 0; i < 37; i++) {
      await seedTrack(studio.sql, {
        title: titles[i % titles.length]!,
        durationMs: [30_000, 60_000, 90_000][i % 3]!,
        createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 4))),
        deletedAt: i % 9 === 0 ? new Date() : null,
      });
    }
    const expected = {
      newest: `"createdAt" DESC, id DESC`,
      oldest: `"createdAt" ASC, id ASC`,
      title: `title ASC, id ASC`,
      duration: `"durationMs" ASC, id ASC`,
    };
    for (const [sort, orderBy] of Object.entries(expected)) {
      const { rows } = await studio.sql.query<{ id: string }>(`SELECT id FROM "Track" WHERE "deletedAt" IS NULL ORDER BY ${orderBy}`);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await listJson(`?sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.tracks.length).toBeLessThanOrEqual(5);
        seen.push(...page.tracks.map((track) => track.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(seen, sort).toEqual(rows.map((row) => row.id));
      expect(new Set(seen).size).toBe(seen.length);
      expect(pages).toBe(Math.ceil(rows.length / 5));
    }
  });

  it("searches title and prompt, case-insensitively, with % and _ taken literally", async () => {
    const byTitle = await seedTrack(studio.sql, { title: "Midnight Harbour", prompt: "slow synth pads" });
    const byPrompt = await seedTrack(studio.sql, { title: "Untitled", prompt: "Lo-fi beat with a HARBOUR ambience" });
    await seedTrack(studio.sql, { title: "Sunrise", prompt: "bright ukulele" });
    const percent = await seedTrack(studio.sql, { title: "100% energy", prompt: "drums" });
    await seedTrack(studio.sql, { title: "1000 energy", prompt: "drums" });
    await seedTrack(studio.sql, { title: "Harbour (deleted)", deletedAt: new Date() });

    const found = await listJson("?q=harbour");
    expect(found.tracks.map((track) => track.id).sort()).toEqual([byTitle.id, byPrompt.id].sort());
    expect((await listJson("?q=%20HARB%20")).tracks).toHaveLength(2);
    expect((await listJson("?q=100%25")).tracks.map((track) => track.id)).toEqual([percent.id]);
    expect((await listJson("?q=1_0")).tracks).toEqual([]);
    expect((await listJson("?q=nothing-like-this")).tracks).toEqual([]);
  });

  it("filters by model, creator and favorite; status=ready (the default) lists downloaded and completed tracks", async () => {
    const a = await seedTrack(studio.sql, { model: "stable-audio", creatorId: "ada", favorite: true, status: "completed" });
    const b = await seedTrack(studio.sql, { model: "elevenlabs-music", creatorId: "ada", status: "downloaded" });
    const c = await seedTrack(studio.sql, { model: "elevenlabs-music", creatorId: "bo", favorite: true });
    await seedGeneration(studio.sql, { model: "stable-audio", creatorId: "ada", status: "failed" });
    const ids = async (query: string) => (await listJson(query)).tracks.map((track) => track.id).sort();

    expect(await ids("")).toEqual([a.id, b.id, c.id].sort());
    expect(await ids("?status=ready")).toEqual([a.id, b.id, c.id].sort());
    expect(await ids("?model=stable-audio")).toEqual([a.id]);
    expect(await ids("?creator=ada")).toEqual([a.id, b.id].sort());
    expect(await ids("?creator=nobody")).toEqual([]);
    expect(await ids("?favorite=1")).toEqual([a.id, c.id].sort());
    expect(await ids("?favorite=false")).toEqual([b.id]);
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
      ["?favorite=maybe", "favorite"],
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

describe("GET/PATCH/DELETE /api/tracks/:id and restore", () => {
  it("gets a track; unknown, malformed and deleted ids are 404 JSON", async () => {
    const track = await seedTrack(studio.sql, { title: "Here" });
    const deleted = await seedTrack(studio.sql, { deletedAt: new Date() });
    const { GET } = await trackRoute();

    const found = await call(GET, `/api/tracks/${track.id}`, {}, { id: track.id });
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ id: track.id, title: "Here" });

    for (const id of [MISSING_ID, "not-a-uuid", deleted.id]) {
      const response = await call(GET, `/api/tracks/${id}`, {}, { id });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "This track does not exist or was deleted." });
    }
  });

  it("renames (trimmed) and favorites", async () => {
    const track = await seedTrack(studio.sql, { title: "Old name" });
    const { PATCH, GET } = await trackRoute();

    const renamed = await call(PATCH, `/api/tracks/${track.id}`, jsonInit("PATCH", { title: "  New name  " }), { id: track.id });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id: track.id, title: "New name", favorite: false });

    const favorited = await call(PATCH, `/api/tracks/${track.id}`, jsonInit("PATCH", { favorite: true }), { id: track.id });
    expect(await favorited.json()).toMatchObject({ title: "New name", favorite: true });
    expect(await (await call(GET, `/api/tracks/${track.id}`, {}, { id: track.id })).json()).toMatchObject({ title: "New name", favorite: true });
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
      [{ color: "red" }, "_"],
      [{}, "_"],
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
    expect((await listJson("")).tracks).toEqual([]);
    expect((await listJson("?q=keep")).tracks).toEqual([]);

    const restored = await call(RESTORE, `/api/tracks/${track.id}/restore`, { method: "POST" }, params);
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ id: track.id, title: "Keep me" });
    expect((await call(GET, `/api/tracks/${track.id}`, {}, params)).status).toBe(200);
    expect((await listJson("")).tracks.map((t) => t.id)).toEqual([track.id]);

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
