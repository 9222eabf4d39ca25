import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { seedBatch, seedGeneration, seedTrack } from "../support/library";
import { createMember, type TestMember } from "../support/members";
import { call, jsonInit } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

// An attacker's pass over the track routes of issue 14 (the library of batches, one track with
// its takes, favourites, titles, keepers, deletes, the download link and the /tracks/:id page):
// a signed-out client, a member reaching for another's track, a removed member, tampered and
// oversized input, and races. Every refusal is JSON {error, fields?} with no internals in it.
// What tracks.test.ts and tracks-takes.test.ts already pin (403s, two fields at once, two keeps
// at once, kept=false on a non-keeper) is not repeated here.

// The page reads the session cookie through next/headers, which only a Next.js request has.
const pageRequest = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ cookie: pageRequest.cookie }) }));

const studio = setUpStudio({ storage: true });
let owner: TestMember;
let admin: TestMember;
let member: TestMember;
let other: TestMember;

beforeAll(async () => {
  owner = await createMember(studio.database.url, "owner", "Olive Owner");
  admin = await createMember(studio.database.url, "admin", "Ada Admin");
  member = await createMember(studio.database.url, "member", "Mo Member");
  other = await createMember(studio.database.url, "member", "Oz Other");
});
beforeEach(() => studio.sql.query(`TRUNCATE "Track", "Generation" CASCADE`));

const MISSING_ID = "6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11";
const SIGNED_OUT = "Sign in to use the studio.";

/** `init` sent by `who`; without `who`, by a client with no session. */
const as = (who: TestMember | undefined, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...init.headers, ...(who && { cookie: who.cookie }) } });

const routes = {
  list: () => import("@/app/api/tracks/route"),
  track: () => import("@/app/api/tracks/[id]/route"),
  audio: () => import("@/app/api/tracks/[id]/audio/route"),
  page: () => import("@/app/tracks/[id]/page"),
};

const list = async (query: string, who?: TestMember) => call((await routes.list()).GET, `/api/tracks${query}`, as(who));
const get = async (id: string, who?: TestMember) => call((await routes.track()).GET, `/api/tracks/${id}`, as(who), { id });
const patch = async (id: string, body: unknown, who?: TestMember) =>
  call((await routes.track()).PATCH, `/api/tracks/${id}`, as(who, typeof body === "string" ? { method: "PATCH", body } : jsonInit("PATCH", body)), { id });
const remove = async (id: string, who?: TestMember) => call((await routes.track()).DELETE, `/api/tracks/${id}`, as(who, { method: "DELETE" }), { id });

type ErrorBody = { error: string; fields?: Record<string, string[]> };

/** The refusal's body, checked: `status`, JSON {error, fields?} only, and nothing from Prisma, SQL or a stack. */
async function refusal(response: Response, status: number): Promise<ErrorBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as ErrorBody;
  expect(Object.keys(body).filter((key) => key !== "error" && key !== "fields")).toEqual([]);
  expect(typeof body.error).toBe("string");
  expect(text).not.toMatch(/prisma|invocation|constraint|violates|syntax|\bSQL\b|postgres|\n\s+at |node_modules|\.ts:\d+/i);
  return body;
}

const cursorOf = (cursor: unknown) => Buffer.from(JSON.stringify(cursor)).toString("base64url");
const keptTakes = async (batchId: string) =>
  (await studio.sql.query<{ id: string }>(`SELECT id FROM "Track" WHERE "batchId" = $1 AND "keptAt" IS NOT NULL`, [batchId])).rows.map((row) => row.id);
const titleOf = async (id: string) => (await studio.sql.query<{ title: string }>(`SELECT title FROM "Track" WHERE id = $1`, [id])).rows[0]!.title;

/** What the page's server code does for `id` with `cookie`: its <title>, or where it redirects, or that it is a 404. */
async function openPage(id: string, cookie: string): Promise<{ title?: string; outcome: string }> {
  pageRequest.cookie = cookie;
  const page = await routes.page();
  const params = Promise.resolve({ id });
  const outcome = (error: unknown) => String((error as { digest?: unknown }).digest ?? error);
  try {
    const { title } = await page.generateMetadata({ params });
    await page.default({ params });
    return { title: String(title), outcome: "rendered" };
  } catch (error) {
    return { outcome: outcome(error) };
  }
}

describe("a signed-out client", () => {
  it("gets the same 401 for a live track as for a made-up id, on every method, so it learns nothing of what exists", async () => {
    const track = await seedTrack(studio.sql, { creatorId: member.id, title: "Private work" });
    for (const id of [track.id, MISSING_ID, "not-a-uuid"]) {
      for (const response of [await get(id), await patch(id, { favorite: true }), await patch(id, { title: "Defaced" }), await remove(id)]) {
        expect(await refusal(response, 401)).toEqual({ error: SIGNED_OUT });
      }
    }
    expect(await refusal(await list("?q=private"), 401)).toEqual({ error: SIGNED_OUT });
    const { rows } = await studio.sql.query(`SELECT title, "deletedAt" FROM "Track" WHERE id = $1`, [track.id]);
    expect(rows).toEqual([{ title: "Private work", deletedAt: null }]);
    expect((await studio.sql.query(`SELECT 1 FROM "Favorite"`)).rows).toEqual([]);
  });

  it("is sent to sign in by the track page before the track is looked up: its title is not in the page's <title>", async () => {
    const track = await seedTrack(studio.sql, { creatorId: member.id, title: "Secret demo" });
    for (const id of [track.id, MISSING_ID]) expect(await openPage(id, "")).toEqual({ outcome: "NEXT_REDIRECT;replace;/sign-in;307;" });
    expect(await openPage(track.id, "better-auth.session_token=forged.value")).toEqual({ outcome: "NEXT_REDIRECT;replace;/sign-in;307;" });
  });
});

describe("the track page, signed in", () => {
  it("opens any member's live track for every member (the library is the team's), and is a 404 for a deleted, unknown or malformed id", async () => {
    const [take1, take2] = await seedBatch(studio.sql, 2, { creatorId: member.id, title: "Mo's demo" }, (take) => ({ deletedAt: take === 1 ? new Date() : null }));
    for (const who of [member, other, admin]) expect(await openPage(take1!.id, who.cookie)).toEqual({ title: "Mo's demo · Venice Studio", outcome: "rendered" });
    for (const id of [take2!.id, MISSING_ID, "not-a-uuid", `${take1!.id}' OR '1'='1`]) {
      expect(await openPage(id, other.cookie), id).toEqual({ outcome: "NEXT_HTTP_ERROR_FALLBACK;404" });
    }
  });
});

describe("a removed member", () => {
  it("is signed out everywhere at once; their favourites go with the account, their tracks stay and only an admin manages them", async () => {
    const leaving = await createMember(studio.database.url, "member", "Lee Leaving");
    const [theirs, theirSecond] = await seedBatch(studio.sql, 2, { creatorId: leaving.id, title: "Lee's take" });
    const shared = await seedTrack(studio.sql, { creatorId: owner.id, favoritedBy: [leaving.id, member.id] });
    expect((await patch(theirs!.id, { favorite: true }, leaving)).status).toBe(200);

    const { DELETE } = await import("@/app/api/team/members/[id]/route");
    expect((await call(DELETE, `/api/team/members/${leaving.id}`, as(admin, { method: "DELETE" }), { id: leaving.id })).status).toBe(200);

    // The session that was open: every track route and the page refuse it.
    for (const response of [await list("", leaving), await get(theirs!.id, leaving), await patch(theirs!.id, { title: "Still mine" }, leaving), await remove(theirs!.id, leaving)]) {
      expect(await refusal(response, 401)).toEqual({ error: SIGNED_OUT });
    }
    expect(await openPage(theirs!.id, leaving.cookie)).toEqual({ outcome: "NEXT_REDIRECT;replace;/sign-in;307;" });

    expect((await studio.sql.query(`SELECT "memberId", "trackId" FROM "Favorite" ORDER BY "memberId"`)).rows).toEqual([{ memberId: member.id, trackId: shared.id }]);
    const view = (await (await get(theirs!.id, member)).json()) as { track: { creator: unknown; canEdit: boolean; favorite: boolean } };
    expect(view.track).toMatchObject({ creator: { id: leaving.id, name: "Former member" }, canEdit: false, favorite: false });
    expect((await refusal(await patch(theirs!.id, { title: "Claimed" }, member), 403)).fields).toBeUndefined();
    expect((await refusal(await patch(theirs!.id, { kept: true }, member), 403)).fields).toBeUndefined();
    await refusal(await remove(theirs!.id, member), 403);
    expect(await titleOf(theirs!.id)).toBe("Lee's take");

    expect((await patch(theirSecond!.id, { kept: true }, admin)).status).toBe(200);
    expect(await keptTakes(theirs!.batchId)).toEqual([theirSecond!.id]);
  });

  it("gets a 401, not a 500, for a favourite sent while their account is being removed", async () => {
    const leaving = await createMember(studio.database.url, "member", "Rae Racing");
    const track = await seedTrack(studio.sql, { creatorId: owner.id });
    // The removal (remove-member.ts deletes the account in a transaction) has deleted the row
    // but not committed when the request checks its session; the favourite's insert then waits
    // on the account row, and the removal commits under it.
    const removal = new pg.Client({ connectionString: studio.database.url });
    await removal.connect();
    try {
      await removal.query("BEGIN");
      await removal.query(`DELETE FROM "user" WHERE id = $1`, [leaving.id]);
      const answer = patch(track.id, { favorite: true }, leaving);
      await waitForLockWait();
      await removal.query("COMMIT");
      expect(await refusal(await answer, 401)).toEqual({ error: SIGNED_OUT });
    } finally {
      await removal.end();
    }
    expect((await studio.sql.query(`SELECT 1 FROM "Favorite"`)).rows).toEqual([]);
  });
});

/** Until a statement of the studio's waits on a lock another transaction holds. */
async function waitForLockWait(): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await studio.sql.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (rows.length > 0) return;
    if (Date.now() > deadline) throw new Error("no statement waited on the removal's lock");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a tampered page link (cursor)", () => {
  it("is a 400 on the cursor, not a 500, when its values are well-formed but out of the database's range", async () => {
    await seedTrack(studio.sql);
    await seedGeneration(studio.sql, { status: "failed" });
    for (const [query, cursor] of [
      ["?sort=duration", { sort: "duration", value: 2 ** 31, id: MISSING_ID }],
      ["?sort=duration", { sort: "duration", value: -(2 ** 31) - 1, id: MISSING_ID }],
      ["?sort=duration", { sort: "duration", value: Number.MAX_SAFE_INTEGER, id: MISSING_ID }],
      ["?sort=newest", { sort: "newest", value: "0000-01-01T00:00:00Z", id: MISSING_ID }],
      ["?sort=oldest", { sort: "oldest", value: "0000-12-31T23:59:59.999Z", id: MISSING_ID }],
      ["?status=failed&sort=newest", { sort: "newest", value: "0000-06-15T12:00:00Z", id: MISSING_ID }],
    ] as const) {
      const body = await refusal(await list(`${query}&cursor=${cursorOf(cursor)}`, member), 400);
      expect(Object.keys(body.fields ?? {}), JSON.stringify(cursor)).toEqual(["cursor"]);
    }
  });

  it("reads a forged but well-formed cursor as a position only: SQL in its title is compared as text", async () => {
    const titles = ["Alpha", "Bravo", "Charlie"];
    for (const title of titles) await seedTrack(studio.sql, { title });
    const forged = (value: string) => cursorOf({ sort: "title", value, id: MISSING_ID });
    const titlesAfter = async (value: string) => {
      const response = await list(`?sort=title&cursor=${forged(value)}`, member);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { batches: { tracks: { title: string }[] }[] };
      return page.batches.map((batch) => batch.tracks[0]!.title);
    };
    expect(await titlesAfter("B' OR '1'='1")).toEqual(["Bravo", "Charlie"]);
    expect(await titlesAfter("Bz'); DELETE FROM \"Track\"; --")).toEqual(["Charlie"]);
    expect(await titlesAfter("\ud800 lone surrogate")).toEqual([]);
    expect((await studio.sql.query(`SELECT 1 FROM "Track"`)).rows).toHaveLength(3);
  });
});

describe("library search", () => {
  it("takes a backslash literally, at the end of the term too (LIKE's escape character), and answers 200", async () => {
    const windows = await seedTrack(studio.sql, { title: "C:\\music\\demo" });
    await seedTrack(studio.sql, { title: "C:music demo" });
    const ids = async (q: string) => {
      const response = await list(`?q=${encodeURIComponent(q)}`, member);
      expect(response.status, q).toBe(200);
      return ((await response.json()) as { batches: { batchId: string }[] }).batches.map((batch) => batch.batchId);
    };
    expect(await ids("C:\\")).toEqual([windows.batchId]);
    expect(await ids("\\music\\")).toEqual([windows.batchId]);
    expect(await ids("%\\_")).toEqual([]);
    expect(await ids("\\".repeat(200))).toEqual([]);
    expect(await ids("%".repeat(200))).toEqual([]);
  });
});

describe("a new title", () => {
  it("is refused with a 400 on the title when it holds control characters or bidi overrides, or nothing visible", async () => {
    const track = await seedTrack(studio.sql, { creatorId: member.id, title: "Before" });
    for (const title of [
      "Two\nlines",
      "Carriage\r\nreturn",
      "Tab\there",
      "Bell\u0007",
      "\u001b[31mRed\u001b[0m",
      "C1\u009bcontrol",
      "\u202Egpm.exe",
      "Isolated \u2066text",
      "\u200B",
      "\u2060\u200D\uFEFF",
    ]) {
      const body = await refusal(await patch(track.id, { title }, member), 400);
      expect(Object.keys(body.fields ?? {}), JSON.stringify(title)).toEqual(["title"]);
    }
    expect(await titleOf(track.id)).toBe("Before");
  });

  it("keeps any language and emoji exactly, up to 200 characters", async () => {
    const track = await seedTrack(studio.sql, { creatorId: member.id });
    for (const title of ["Ночной дождь", "夜の雨 🌧️", "مطر الليل", "Famille 👨‍👩‍👧 e\u0301te\u0301", "ש\u200Fלום", "é".repeat(200)]) {
      const response = await patch(track.id, { title }, member);
      expect(response.status, title).toBe(200);
      expect(((await response.json()) as { title: string }).title).toBe(title);
      expect(await titleOf(track.id)).toBe(title);
    }
  });
});

describe("ids and bodies that are not what the routes expect", () => {
  it("answers 404 JSON for ids that are not UUIDs, on every method, and changes nothing", async () => {
    const track = await seedTrack(studio.sql, { creatorId: member.id, title: "Untouched" });
    for (const id of [`${track.id}' OR '1'='1`, `../${track.id}`, `${track.id}/audio`, `{${track.id}}`, `${track.id}0`, "x".repeat(10_000), "%"]) {
      for (const response of [await get(id, admin), await patch(id, { title: "Gotcha" }, admin), await remove(id, admin)]) {
        expect(await refusal(response, 404)).toEqual({ error: "This track does not exist or was deleted." });
      }
    }
    const { rows } = await studio.sql.query(`SELECT title, "deletedAt" FROM "Track"`);
    expect(rows).toEqual([{ title: "Untouched", deletedAt: null }]);
  });

  it("refuses keys that aim at the prototype (and any other key) with a 400, applying nothing", async () => {
    const track = await seedTrack(studio.sql, { creatorId: owner.id, title: "Owner's" });
    for (const body of [
      `{"__proto__": {"canEdit": true}, "favorite": true}`,
      `{"constructor": {"prototype": {"canEdit": true}}, "title": "Mine"}`,
      `{"kept": true, "creatorId": "${member.id}"}`,
      `{"favorite": true, "memberId": "${owner.id}"}`,
    ]) {
      const refused = await refusal(await patch(track.id, body, member), 400);
      expect(refused.fields?._, body).toEqual([expect.stringMatching(/^Unrecognized key/)]);
    }
    expect(({} as Record<string, unknown>).canEdit).toBeUndefined();
    expect(await titleOf(track.id)).toBe("Owner's");
    expect((await studio.sql.query(`SELECT 1 FROM "Favorite"`)).rows).toEqual([]);
  });
});

describe("races", () => {
  it("keeps at most one keeper when a keep races a delete of the same take, and the keep's answer tells what happened", async () => {
    for (let round = 0; round < 8; round++) {
      const [take1, take2] = await seedBatch(studio.sql, 2, { creatorId: member.id }, (take) => ({ keptAt: take === 0 ? new Date() : null }));
      const [kept, deleted] = await Promise.all([patch(take2!.id, { kept: true }, member), remove(take2!.id, admin)]);
      expect(deleted.status).toBe(200);
      // Keep first: take 2 is the keeper (deleted, like any deleted keeper); delete first: a 404 and take 1 stays the keeper.
      if (kept.status === 200) expect(await keptTakes(take1!.batchId), `round ${round}`).toEqual([take2!.id]);
      else {
        expect(await refusal(kept, 404)).toEqual({ error: "This track does not exist or was deleted." });
        expect(await keptTakes(take1!.batchId), `round ${round}`).toEqual([take1!.id]);
      }
    }
  });

  it("favourites a track being deleted either before the delete (kept for a restore) or not at all, never with a 500", async () => {
    for (let round = 0; round < 8; round++) {
      const track = await seedTrack(studio.sql, { creatorId: member.id });
      const [favorited, deleted] = await Promise.all([patch(track.id, { favorite: true }, other), remove(track.id, member)]);
      expect(deleted.status).toBe(200);
      if (favorited.status !== 200) await refusal(favorited, 404);
      const { rows } = await studio.sql.query(`SELECT 1 FROM "Favorite" WHERE "memberId" = $1 AND "trackId" = $2`, [other.id, track.id]);
      expect(rows, `round ${round}`).toHaveLength(favorited.status === 200 ? 1 : 0);
    }
  });
});

describe("the download link", () => {
  it("names the file on one header line with no quote, control or bidi character from the title, whatever the title holds", async () => {
    // Titles made from prompts before this check may hold any of these.
    const bytes = randomBytes(32);
    const { trackStorage } = await import("@/lib/storage/storage");
    const track = await seedTrack(studio.sql, {
      title: '\u202Eevil"; filename="x.exe\r\nSet-Cookie: a=b..\\..\\',
      bytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey: `tracks/${randomBytes(8).toString("hex")}.mp3`,
    });
    await trackStorage().put(track.storageKey, new Blob([new Uint8Array(bytes)]).stream());
    const view = (await (await get(track.id, other)).json()) as { track: { downloadUrl: string } };
    expect(view.track.downloadUrl).toBe(`/api/tracks/${track.id}/audio?download=1`);

    const response = await call((await routes.audio()).GET, view.track.downloadUrl, as(other), { id: track.id });
    expect(response.status).toBe(200);
    const disposition = response.headers.get("content-disposition")!;
    const [, ascii, extended] = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(disposition) ?? [];
    expect(ascii, disposition).toMatch(/^evil_ filename_x\.exe Set-Cookie_ a_b[ .]*\.mp3$/);
    // The exact name, percent-encoded (RFC 8187), so its quotes cannot end the header's value.
    expect(extended).not.toMatch(/["\\]/);
    expect(decodeURIComponent(extended!)).not.toMatch(/[\p{Cc}\p{Cf}/\\]/u);
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});
