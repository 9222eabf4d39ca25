import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedBatch, seedTrack } from "../support/library";
import { createMember, signInAs, type TestMember } from "../support/members";
import { call, jsonInit } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

// Takes, keepers, each member's favourites and who may do what to a track, through the route
// handlers on a real PostgreSQL. The list's shape, sorts and search: tracks.test.ts.

const studio = setUpStudio({ simulator: {} });
let owner: TestMember;
let admin: TestMember;
let member: TestMember;
let other: TestMember;

beforeAll(async () => {
  owner = await signInAs(studio.database.url, "owner");
  admin = await createMember(studio.database.url, "admin", "Ada Admin");
  member = await createMember(studio.database.url, "member", "Mo Member");
  other = await createMember(studio.database.url, "member", "Oz Other");
});
beforeEach(() => studio.sql.query(`TRUNCATE "Track", "Generation" CASCADE`));

type View = { id: string; batchId: string; takeNumber: number; takeCount: number; favorite: boolean; kept: boolean; canEdit: boolean; title: string };
type Page = { batches: { batchId: string; tracks: View[] }[]; nextCursor: string | null };

const as = (who: TestMember, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...init.headers, cookie: who.cookie } });

async function list(query: string, who: TestMember = owner): Promise<Page> {
  const { GET } = await import("@/app/api/tracks/route");
  const response = await call(GET, `/api/tracks${query}`, as(who));
  expect(response.status, query).toBe(200);
  return response.json();
}

async function get(id: string, who: TestMember = owner): Promise<{ track: View; takes: View[] }> {
  const { GET } = await import("@/app/api/tracks/[id]/route");
  const response = await call(GET, `/api/tracks/${id}`, as(who), { id });
  expect(response.status).toBe(200);
  return response.json();
}

async function patch(id: string, body: unknown, who: TestMember = owner): Promise<Response> {
  const { PATCH } = await import("@/app/api/tracks/[id]/route");
  return call(PATCH, `/api/tracks/${id}`, as(who, jsonInit("PATCH", body)), { id });
}

async function remove(id: string, who: TestMember): Promise<Response> {
  const { DELETE } = await import("@/app/api/tracks/[id]/route");
  return call(DELETE, `/api/tracks/${id}`, as(who, { method: "DELETE" }), { id });
}

const keptTakes = async (batchId: string) =>
  (await studio.sql.query<{ takeIndex: number }>(`SELECT "takeIndex" FROM "Track" WHERE "batchId" = $1 AND "keptAt" IS NOT NULL ORDER BY "takeIndex"`, [batchId])).rows.map(
    (row) => row.takeIndex + 1,
  );

describe("batches of takes in the library", () => {
  it("lists a batch once, with its takes by number, and pages by batch", async () => {
    const batches = [];
    for (let i = 0; i < 5; i++) batches.push(await seedBatch(studio.sql, 1 + (i % 4), { createdAt: new Date(Date.UTC(2026, 1, 1 + i)) }));
    const seen: Page["batches"] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.batches.length).toBeLessThanOrEqual(2);
      seen.push(...page.batches);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((batch) => batch.batchId)).toEqual(batches.map((takes) => takes[0]!.batchId).reverse());
    for (const batch of seen) {
      const takes = batch.tracks;
      expect(takes.map((take) => take.takeNumber)).toEqual(takes.map((_, index) => index + 1));
      expect(takes.every((take) => take.takeCount === takes.length && take.batchId === batch.batchId)).toBe(true);
    }
  });

  it("counts the live takes of a batch, and places a batch by its first matching take", async () => {
    const [, second, third] = await seedBatch(studio.sql, 3, { title: "Zephyr" }, (take) => ({ title: take === 2 ? "Aria" : "Zephyr", deletedAt: take === 0 ? new Date() : null }));
    const middle = await seedTrack(studio.sql, { title: "Mistral" });
    const page = await list("?sort=title");
    // The batch sits at "Aria", its take 3, and still lists its take 2 ("Zephyr") there.
    expect(page.batches.map((batch) => batch.tracks.map((take) => take.id))).toEqual([[second!.id, third!.id], [middle.id]]);
    expect(page.batches[0]!.tracks.map((take) => [take.takeNumber, take.takeCount])).toEqual([[2, 2], [3, 2]]);
  });
});

describe("the keeper", () => {
  it("keeping take 2 un-keeps take 1; keepers=1 lists the keeper only; kept=false leaves no keeper", async () => {
    const [first, second] = await seedBatch(studio.sql, 3, { creatorId: owner.id });
    const keptFirst = await patch(first!.id, { kept: true });
    expect(keptFirst.status).toBe(200);
    expect(await keptFirst.json()).toMatchObject({ id: first!.id, kept: true });
    expect(await keptTakes(first!.batchId)).toEqual([1]);

    const keptSecond = await patch(second!.id, { kept: true });
    expect(await keptSecond.json()).toMatchObject({ id: second!.id, kept: true });
    expect(await keptTakes(first!.batchId)).toEqual([2]);
    expect((await get(first!.id)).takes.map((take) => take.kept)).toEqual([false, true, false]);
    const keepers = await list("?keepers=1");
    expect(keepers.batches.map((batch) => batch.tracks.map((take) => take.id))).toEqual([[second!.id]]);

    // Keeping the keeper again changes nothing; un-keeping another take leaves the keeper.
    expect((await patch(second!.id, { kept: true })).status).toBe(200);
    expect((await patch(first!.id, { kept: false })).status).toBe(200);
    expect(await keptTakes(first!.batchId)).toEqual([2]);
    const unkept = await patch(second!.id, { kept: false });
    expect(await unkept.json()).toMatchObject({ id: second!.id, kept: false });
    expect(await keptTakes(first!.batchId)).toEqual([]);
    expect((await list("?keepers=1")).batches).toEqual([]);
  });

  it("leaves exactly one keeper when takes of a batch are kept at the same time", async () => {
    for (let round = 0; round < 6; round++) {
      const takes = await seedBatch(studio.sql, 4, { creatorId: member.id });
      const answers = await Promise.all(takes.map((take, index) => patch(take.id, { kept: true }, index % 2 ? admin : member)));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
      expect(await keptTakes(takes[0]!.batchId), `round ${round}`).toHaveLength(1);
    }
  });

  it("counts a deleted take's keep: keeping a sibling un-keeps it too, so a restore cannot bring a second keeper", async () => {
    const [first, second] = await seedBatch(studio.sql, 2, { creatorId: owner.id }, (take) => (take === 0 ? { keptAt: new Date() } : {}));
    expect((await remove(first!.id, owner)).status).toBe(200);
    expect((await patch(second!.id, { kept: true })).status).toBe(200);
    const { POST: RESTORE } = await import("@/app/api/tracks/[id]/restore/route");
    expect((await call(RESTORE, `/api/tracks/${first!.id}/restore`, as(owner, { method: "POST" }), { id: first!.id })).status).toBe(200);
    expect(await keptTakes(first!.batchId)).toEqual([2]);
  });
});

describe("favourites are each member's own", () => {
  it("shows each member their own favourite, and lists only their own with favorite=1", async () => {
    const track = await seedTrack(studio.sql, { creatorId: owner.id, title: "Shared" });
    const untouched = await seedTrack(studio.sql, { creatorId: owner.id, title: "Untouched" });
    expect((await patch(track.id, { favorite: true }, member)).status).toBe(200);

    expect((await get(track.id, member)).track.favorite).toBe(true);
    expect((await get(track.id, owner)).track.favorite).toBe(false);
    expect((await get(track.id, other)).track.favorite).toBe(false);
    expect((await list("?favorite=1", member)).batches.flatMap((batch) => batch.tracks.map((t) => t.id))).toEqual([track.id]);
    expect((await list("?favorite=1", owner)).batches).toEqual([]);
    expect((await list("?favorite=0", member)).batches.flatMap((batch) => batch.tracks.map((t) => t.id))).toEqual([untouched.id]);

    // The owner's favourite is theirs: it neither shows to the member nor changes theirs.
    expect((await patch(track.id, { favorite: true }, owner)).status).toBe(200);
    expect((await patch(track.id, { favorite: false }, member)).status).toBe(200);
    expect((await get(track.id, owner)).track.favorite).toBe(true);
    expect((await get(track.id, member)).track.favorite).toBe(false);
    const { rows } = await studio.sql.query(`SELECT "memberId" FROM "Favorite" WHERE "trackId" = $1`, [track.id]);
    expect(rows).toEqual([{ memberId: owner.id }]);
  });
});

describe("who may edit a track", () => {
  it("refuses a member renaming, keeping or deleting the owner's track with 403, and says canEdit=false", async () => {
    const [track] = await seedBatch(studio.sql, 2, { creatorId: owner.id, title: "Owner's" });
    for (const [body, error] of [
      [{ title: "Mine now" }, "Only the track's creator or an admin can rename it."],
      [{ kept: true }, "Only the track's creator or an admin can choose its batch's keeper."],
      [{ kept: false }, "Only the track's creator or an admin can choose its batch's keeper."],
    ] as const) {
      const refused = await patch(track!.id, body, member);
      expect(refused.status, JSON.stringify(body)).toBe(403);
      expect(await refused.json()).toEqual({ error });
    }
    const refusedDelete = await remove(track!.id, member);
    expect(refusedDelete.status).toBe(403);
    expect(await refusedDelete.json()).toEqual({ error: "Only the track's creator or an admin can delete it." });
    const { rows } = await studio.sql.query(`SELECT title, "keptAt", "deletedAt" FROM "Track" WHERE id = $1`, [track!.id]);
    expect(rows[0]).toEqual({ title: "Owner's", keptAt: null, deletedAt: null });

    expect((await get(track!.id, member)).takes.map((take) => take.canEdit)).toEqual([false, false]);
    expect((await list("", member)).batches[0]!.tracks.every((take) => !take.canEdit)).toBe(true);
    expect((await get(track!.id, owner)).track.canEdit).toBe(true);
    expect((await get(track!.id, admin)).track.canEdit).toBe(true);
    // A favourite is anyone's to set.
    expect((await patch(track!.id, { favorite: true }, member)).status).toBe(200);
  });

  it("lets the creator and an admin rename and keep a member's track", async () => {
    const [take1, take2] = await seedBatch(studio.sql, 2, { creatorId: member.id, title: "Mo's" });
    expect((await get(take1!.id, member)).track).toMatchObject({ canEdit: true, creator: { id: member.id, name: "You" } });
    expect((await get(take1!.id, other)).track).toMatchObject({ canEdit: false, creator: { id: member.id, name: "Mo Member" } });

    expect(await (await patch(take1!.id, { title: "Renamed by Mo" }, member)).json()).toMatchObject({ title: "Renamed by Mo" });
    expect(await (await patch(take2!.id, { title: "Renamed by Ada" }, admin)).json()).toMatchObject({ title: "Renamed by Ada" });
    expect((await patch(take1!.id, { kept: true }, member)).status).toBe(200);
    expect((await patch(take2!.id, { kept: true }, admin)).status).toBe(200);
    expect(await keptTakes(take1!.batchId)).toEqual([2]);
    expect((await patch(take1!.id, { title: "Not yours" }, other)).status).toBe(403);
  });
});
