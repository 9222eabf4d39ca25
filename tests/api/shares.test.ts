import { createHash, randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { seedTrack, type SeedTrack } from "../support/library";
import { createMember, signInAs, type TestMember } from "../support/members";
import { call, jsonInit, STUDIO } from "../support/routes";
import { serveOverHttp } from "../support/next-http";
import { setUpStudio } from "../support/studio-harness";

// Share links against a real database and the studio's real storage: who may make, list and
// revoke them, and what a link opens to anyone, signed in or not — one track's audio and
// waveform while it is alive, a 404 once it is revoked, expired or its track deleted.

const studio = setUpStudio({ storage: true, env: { STUDIO_URL: undefined } });
let owner: TestMember;
let member: TestMember;
let otherMember: TestMember;
let admin: TestMember;
const AUDIO = randomBytes(12_000);
const OTHER_AUDIO = randomBytes(5_000);
let ownersTrack: SeedTrack;
let membersTrack: SeedTrack;
const ANONYMOUS = { cookie: "" };
const TOKEN_URL = new RegExp(`^${STUDIO}/share/([A-Za-z0-9_-]{43})$`);

beforeAll(async () => {
  owner = await signInAs(studio.database.url, "owner");
  member = await createMember(studio.database.url, "member", "Mina Member");
  otherMember = await createMember(studio.database.url, "member", "Otto Other");
  admin = await createMember(studio.database.url, "admin", "Ada Admin");
  ownersTrack = await storedTrack(AUDIO, { title: "Harbour lights", creatorId: owner.id, peaks: [-0.5, 0.5, -0.25, 0.75] });
  membersTrack = await storedTrack(OTHER_AUDIO, { title: "Mina's loop", creatorId: member.id });
});

/** A track whose audio the studio's storage holds. */
async function storedTrack(bytes: Buffer, overrides: Partial<SeedTrack>): Promise<SeedTrack> {
  const { trackStorage } = await import("@/lib/storage/storage");
  const track = await seedTrack(studio.sql, {
    format: "mp3",
    bytes: bytes.length,
    durationMs: 20_000,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    storageKey: `tracks/${randomBytes(8).toString("hex")}.mp3`,
    ...overrides,
  });
  await trackStorage().put(track.storageKey, new Blob([new Uint8Array(bytes)]).stream());
  return track;
}

async function createLink(trackId: string, body: unknown = {}, as: TestMember = owner): Promise<Response> {
  const { POST } = await import("@/app/api/tracks/[id]/shares/route");
  return call(POST, `/api/tracks/${trackId}/shares`, jsonInit("POST", body, { cookie: as.cookie }), { id: trackId });
}

/** A new link to `trackId`: its id and token. */
async function share(trackId: string, body: unknown = {}, as: TestMember = owner): Promise<{ id: string; token: string }> {
  const response = await createLink(trackId, body, as);
  expect(response.status).toBe(201);
  const { id, url } = (await response.json()) as { id: string; url: string };
  return { id, token: TOKEN_URL.exec(url)![1]! };
}

async function listLinks(trackId: string, as: TestMember | typeof ANONYMOUS = owner): Promise<Response> {
  const { GET } = await import("@/app/api/tracks/[id]/shares/route");
  return call(GET, `/api/tracks/${trackId}/shares`, { headers: { cookie: as.cookie } }, { id: trackId });
}

async function revoke(id: string, as: TestMember | typeof ANONYMOUS = owner): Promise<Response> {
  const { DELETE } = await import("@/app/api/shares/[id]/route");
  return call(DELETE, `/api/shares/${id}`, { method: "DELETE", headers: { cookie: as.cookie } }, { id });
}

/** The public audio of a link, called signed out. */
async function sharedAudio(token: string, headers: Record<string, string> = {}, query = ""): Promise<Response> {
  const { GET } = await import("@/app/api/share/[token]/audio/route");
  return call(GET, `/api/share/${token}/audio${query}`, { headers: { ...ANONYMOUS, ...headers } }, { token });
}

async function sharedPeaks(token: string): Promise<Response> {
  const { GET } = await import("@/app/api/share/[token]/peaks/route");
  return call(GET, `/api/share/${token}/peaks`, { headers: ANONYMOUS }, { token });
}

const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

async function expectDead(token: string) {
  for (const response of [await sharedAudio(token), await sharedAudio(token, { range: "bytes=0-9" }), await sharedPeaks(token)]) {
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "This link no longer works." });
  }
  const { getSharedTrack } = await import("@/lib/api/shares/get-shared-track");
  await expect(getSharedTrack(token)).rejects.toMatchObject({ code: "not_found" });
}

describe("POST /api/tracks/:id/shares", () => {
  it("answers the link once; the database keeps only the token's hash", async () => {
    const before = Date.now();
    const response = await createLink(ownersTrack.id, { expiresInHours: 24 });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; url: string; expiresAt: string };
    expect(Object.keys(created).sort()).toEqual(["expiresAt", "id", "url"]);
    const token = TOKEN_URL.exec(created.url)?.[1];
    expect(token).toBeDefined();
    const expiresAt = Date.parse(created.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 24 * 3_600_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);

    const { rows } = await studio.sql.query(`SELECT * FROM "ShareLink" WHERE id = $1`, [created.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ trackId: ownersTrack.id, createdById: owner.id, revokedAt: null });
    expect(rows[0].tokenHash).toBe(createHash("sha256").update(token!).digest("hex"));
    expect(JSON.stringify(rows[0])).not.toContain(token);
  });

  it("makes a link that never expires when the expiry is null or left out, and a new token every time", async () => {
    const never = await createLink(ownersTrack.id, { expiresInHours: null });
    const omitted = await createLink(ownersTrack.id);
    const [a, b] = [(await never.json()) as { url: string; expiresAt: null }, (await omitted.json()) as { url: string; expiresAt: null }];
    expect(a.expiresAt).toBeNull();
    expect(b.expiresAt).toBeNull();
    expect(a.url).not.toBe(b.url);
  });

  it("lets any member share any track of the studio", async () => {
    expect((await createLink(ownersTrack.id, {}, member)).status).toBe(201);
    expect((await createLink(membersTrack.id, {}, otherMember)).status).toBe(201);
  });

  it("refuses an expiry outside 1 hour..1 year with a field error", async () => {
    for (const expiresInHours of [0, -5, 8761, 1.5, "24", true]) {
      const response = await createLink(ownersTrack.id, { expiresInHours });
      expect(response.status, String(expiresInHours)).toBe(400);
      const answer = (await response.json()) as { error: string; fields: Record<string, string[]> };
      expect(answer.fields.expiresInHours?.length, String(expiresInHours)).toBe(1);
    }
    expect((await createLink(ownersTrack.id, { expiresInHours: 8760 })).status).toBe(201);
    expect((await createLink(ownersTrack.id, { expiresInHours: 1 })).status).toBe(201);
    const extra = await createLink(ownersTrack.id, { expiresInHours: 1, trackId: membersTrack.id });
    expect(extra.status).toBe(400);
    const { POST } = await import("@/app/api/tracks/[id]/shares/route");
    const notJson = await call(POST, `/api/tracks/${ownersTrack.id}/shares`, { method: "POST", body: "{" }, { id: ownersTrack.id });
    expect(notJson.status).toBe(400);
  });

  it("answers 404 for an unknown or deleted track", async () => {
    const deleted = await storedTrack(randomBytes(10), { creatorId: owner.id, deletedAt: new Date() });
    for (const id of [randomUUID(), "not-a-uuid", deleted.id]) {
      const response = await createLink(id);
      expect(response.status, id).toBe(404);
      expect(await response.json()).toEqual({ error: "This track does not exist or was deleted." });
    }
  });
});

describe("the studio's share routes need a member", () => {
  it("answers 401 to anonymous callers and 403 to other sites", async () => {
    const { id } = await share(ownersTrack.id);
    const { GET, POST } = await import("@/app/api/tracks/[id]/shares/route");
    const anonymousCreate = await call(POST, `/api/tracks/${ownersTrack.id}/shares`, jsonInit("POST", {}, ANONYMOUS), { id: ownersTrack.id });
    expect(anonymousCreate.status).toBe(401);
    expect((await call(GET, `/api/tracks/${ownersTrack.id}/shares`, { headers: ANONYMOUS }, { id: ownersTrack.id })).status).toBe(401);
    expect((await revoke(id, ANONYMOUS)).status).toBe(401);

    const crossSite = await call(POST, `/api/tracks/${ownersTrack.id}/shares`, jsonInit("POST", {}, { origin: "https://evil.example" }), {
      id: ownersTrack.id,
    });
    expect(crossSite.status).toBe(403);
    const { DELETE } = await import("@/app/api/shares/[id]/route");
    expect((await call(DELETE, `/api/shares/${id}`, { method: "DELETE", headers: { origin: "https://evil.example" } }, { id })).status).toBe(403);
    expect((await studio.sql.query(`SELECT "revokedAt" FROM "ShareLink" WHERE id = $1`, [id])).rows[0].revokedAt).toBeNull();
  });
});

describe("GET /api/tracks/:id/shares", () => {
  it("lists a track's links newest first, with who made them and their state, never a token", async () => {
    const track = await storedTrack(randomBytes(100), { title: "Listed", creatorId: member.id });
    const byOwner = await share(track.id, { expiresInHours: 48 }, owner);
    const byMember = await share(track.id, {}, member);
    const leaver = await createMember(studio.database.url, "member", "Lee Leaver");
    const expired = await share(track.id, { expiresInHours: 1 }, leaver);
    const revoked = await share(track.id, {}, leaver);
    await studio.sql.query(`UPDATE "ShareLink" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    expect((await revoke(revoked.id, leaver)).status).toBe(200);
    // Distinct creation times, so "newest first" is observable.
    for (const [index, id] of [byOwner.id, byMember.id, expired.id, revoked.id].entries()) {
      await studio.sql.query(`UPDATE "ShareLink" SET "createdAt" = $2 WHERE id = $1`, [id, new Date(Date.UTC(2026, 0, 1, 0, index))]);
    }
    // A removed member's links stay, under a neutral name.
    await studio.sql.query(`DELETE FROM "user" WHERE id = $1`, [leaver.id]);

    const response = await listLinks(track.id, member);
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const { token } of [byOwner, byMember, expired, revoked]) expect(text).not.toContain(token);
    expect(text).not.toContain("tokenHash");
    const { links } = JSON.parse(text) as { links: Record<string, unknown>[] };
    expect(links.map((link) => link.id)).toEqual([revoked.id, expired.id, byMember.id, byOwner.id]);
    expect(links.map((link) => link.status)).toEqual(["revoked", "expired", "active", "active"]);
    expect(links[2]).toMatchObject({ createdBy: { id: member.id, name: "You" }, expiresAt: null, revokedAt: null, canRevoke: true });
    expect(links[3]).toMatchObject({ createdBy: { id: owner.id, name: expect.stringMatching(/^owner/) }, canRevoke: true });
    expect(links[3]!.expiresAt).toEqual(expect.any(String));
    expect(links[0]).toMatchObject({ createdBy: { id: leaver.id, name: "Former member" }, revokedAt: expect.any(String) });
    expect(Object.keys(links[0]!).sort()).toEqual(["canRevoke", "createdAt", "createdBy", "expiresAt", "id", "revokedAt", "status"]);

    // Another member sees the same links but may revoke none of them (not theirs, not their track).
    const outsider = await createMember(studio.database.url, "member", "Ozzy Outsider");
    const seen = (await (await listLinks(track.id, outsider)).json()) as { links: { canRevoke: boolean }[] };
    expect(seen.links.map((link) => link.canRevoke)).toEqual([false, false, false, false]);
    const asAdmin = (await (await listLinks(track.id, admin)).json()) as { links: { canRevoke: boolean }[] };
    expect(asAdmin.links.every((link) => link.canRevoke)).toBe(true);
  });

  it("answers 404 for an unknown or deleted track", async () => {
    const deleted = await storedTrack(randomBytes(10), { creatorId: owner.id, deletedAt: new Date() });
    expect((await listLinks(randomUUID())).status).toBe(404);
    expect((await listLinks(deleted.id)).status).toBe(404);
  });
});

describe("DELETE /api/shares/:id", () => {
  it("lets the link's creator, the track's creator and an admin revoke, and nobody else", async () => {
    // The owner's link to the member's track.
    const fromOwner = await share(membersTrack.id, {}, owner);
    const refused = await revoke(fromOwner.id, otherMember);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "Only whoever made this link, the track's creator or an admin can revoke it." });
    expect((await sharedPeaks(fromOwner.token)).status).toBe(200);
    // The track's creator may revoke a link someone else made.
    const byTrackCreator = await revoke(fromOwner.id, member);
    expect(byTrackCreator.status).toBe(200);
    expect(await byTrackCreator.json()).toEqual({ id: fromOwner.id, revokedAt: expect.any(String) });

    const fromOther = await share(ownersTrack.id, {}, otherMember);
    expect((await revoke(fromOther.id, member)).status).toBe(403);
    expect((await revoke(fromOther.id, otherMember)).status).toBe(200);

    const forAdmin = await share(ownersTrack.id, {}, member);
    expect((await revoke(forAdmin.id, admin)).status).toBe(200);
    const forOwner = await share(membersTrack.id, {}, otherMember);
    expect((await revoke(forOwner.id, owner)).status).toBe(200);
  });

  it("is idempotent: revoking again keeps the first time", async () => {
    const { id } = await share(ownersTrack.id);
    const first = (await (await revoke(id)).json()) as { revokedAt: string };
    const again = await revoke(id);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id, revokedAt: first.revokedAt });
  });

  it("answers 404 for an unknown link", async () => {
    for (const id of [randomUUID(), "nope"]) {
      const response = await revoke(id);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "This share link does not exist." });
    }
  });
});

describe("what a share link opens, signed out", () => {
  it("streams the stored bytes whole, and a Range as 206 with Content-Range", async () => {
    const { token } = await share(ownersTrack.id);
    const whole = await sharedAudio(token);
    expect(whole.status).toBe(200);
    expect(Object.fromEntries(whole.headers)).toMatchObject({
      "content-type": "audio/mpeg",
      "content-length": "12000",
      "accept-ranges": "bytes",
      "cache-control": "private, no-cache",
    });
    expect((await body(whole)).equals(AUDIO)).toBe(true);

    for (const [range, start, end] of [["bytes=0-0", 0, 0], ["bytes=100-1099", 100, 1099], ["bytes=-500", 11_500, 11_999], ["bytes=6000-", 6000, 11_999]] as const) {
      const part = await sharedAudio(token, { range });
      expect(part.status, range).toBe(206);
      expect(part.headers.get("content-range"), range).toBe(`bytes ${start}-${end}/12000`);
      expect((await body(part)).equals(AUDIO.subarray(start, end + 1)), range).toBe(true);
    }
    expect((await sharedAudio(token, { range: "bytes=12000-" })).status).toBe(416);
    const etag = whole.headers.get("etag")!;
    expect((await sharedAudio(token, { "if-none-match": etag })).status).toBe(304);
  });

  it("tells its length on the wire, as Next.js writes it, whole and ranged", async () => {
    const { token } = await share(ownersTrack.id);
    const { GET } = await import("@/app/api/share/[token]/audio/route");
    const served = await serveOverHttp(GET, { token });
    try {
      for (const [range, status, bytes] of [[undefined, 200, AUDIO], ["bytes=0-0", 206, AUDIO.subarray(0, 1)], ["bytes=-500", 206, AUDIO.subarray(11_500)]] as const) {
        const response = await fetch(`${served.url}/api/share/${token}/audio?download=1`, { headers: range ? { range } : {} });
        expect(response.status, range).toBe(status);
        expect(response.headers.get("content-length"), range).toBe(String(bytes.length));
        expect((await body(response)).equals(bytes), range).toBe(true);
      }
    } finally {
      await served.close();
    }
  });

  it("names the download after the title", async () => {
    const { token } = await share(ownersTrack.id);
    const download = await sharedAudio(token, {}, "?download=1");
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="Harbour lights.mp3"; filename*=UTF-8''Harbour%20lights.mp3`,
    );
    expect((await body(download)).equals(AUDIO)).toBe(true);
  });

  it("answers the stored waveform, and the page's view of the track names no id", async () => {
    const { token } = await share(ownersTrack.id);
    const peaks = await sharedPeaks(token);
    expect(peaks.status).toBe(200);
    expect(peaks.headers.get("cache-control")).toBe("private, no-cache");
    expect(await peaks.json()).toEqual({ peaks: [-0.5, 0.5, -0.25, 0.75], durationMs: 20_000 });

    const { getSharedTrack } = await import("@/lib/api/shares/get-shared-track");
    const view = await getSharedTrack(token);
    expect(view).toEqual({
      title: "Harbour lights",
      modelName: "ElevenLabs Music",
      durationMs: 20_000,
      format: "mp3",
      audioUrl: `/api/share/${token}/audio`,
      peaksUrl: `/api/share/${token}/peaks`,
    });
    const generationId = (await studio.sql.query(`SELECT "generationId" FROM "Track" WHERE id = $1`, [ownersTrack.id])).rows[0].generationId;
    for (const secret of [ownersTrack.id, generationId, owner.id, ownersTrack.storageKey, ownersTrack.sha256]) {
      expect(JSON.stringify(view)).not.toContain(secret);
    }
  });

  it("reaches only its own track", async () => {
    const toOwners = await share(ownersTrack.id);
    const toMembers = await share(membersTrack.id);
    expect((await body(await sharedAudio(toOwners.token))).equals(AUDIO)).toBe(true);
    expect((await body(await sharedAudio(toMembers.token))).equals(OTHER_AUDIO)).toBe(true);
    // Nothing in the request can point it elsewhere.
    const steered = await sharedAudio(toOwners.token, {}, `?id=${membersTrack.id}&trackId=${membersTrack.id}`);
    expect((await body(steered)).equals(AUDIO)).toBe(true);
    // The stored hash is not a token, and a track id is not one either.
    const { rows } = await studio.sql.query(`SELECT "tokenHash" FROM "ShareLink" WHERE id = $1`, [toMembers.id]);
    await expectDead(rows[0].tokenHash);
    await expectDead(membersTrack.id);
  });

  it("is 404 once revoked", async () => {
    const { id, token } = await share(ownersTrack.id);
    expect((await sharedAudio(token)).status).toBe(200);
    await revoke(id);
    await expectDead(token);
  });

  it("is 404 once expired", async () => {
    const { id, token } = await share(ownersTrack.id, { expiresInHours: 1 });
    expect((await sharedPeaks(token)).status).toBe(200);
    await studio.sql.query(`UPDATE "ShareLink" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [id]);
    await expectDead(token);
  });

  it("is 404 while its track is deleted, and works again when the track is restored", async () => {
    const track = await storedTrack(randomBytes(300), { title: "Soon gone", creatorId: owner.id });
    const { token } = await share(track.id);
    const { DELETE } = await import("@/app/api/tracks/[id]/route");
    expect((await call(DELETE, `/api/tracks/${track.id}`, { method: "DELETE" }, { id: track.id })).status).toBe(200);
    await expectDead(token);
    const { POST } = await import("@/app/api/tracks/[id]/restore/route");
    expect((await call(POST, `/api/tracks/${track.id}/restore`, { method: "POST" }, { id: track.id })).status).toBe(200);
    expect((await sharedAudio(token)).status).toBe(200);
  });

  it("is 404 for a random or malformed token", async () => {
    for (const token of [randomBytes(32).toString("base64url"), "short", "x".repeat(44), `${"A".repeat(42)}=`, "../../tracks"]) {
      await expectDead(token);
    }
  });
});

describe("every link of a track, page by page", () => {
  type Page = { links: { id: string; status: string }[]; nextCursor: string | null; activeCount: number };

  async function page(trackId: string, query: string): Promise<Response> {
    const { GET } = await import("@/app/api/tracks/[id]/shares/route");
    return call(GET, `/api/tracks/${trackId}/shares${query}`, { headers: { cookie: owner.cookie } }, { id: trackId });
  }

  /** Every page of the track's links, `limit` at a time. */
  async function walk(trackId: string, limit: number): Promise<Page[]> {
    const pages: Page[] = [];
    for (let cursor: string | null = null; pages.length === 0 || cursor; ) {
      const response = await page(trackId, `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(response.status).toBe(200);
      const next = (await response.json()) as Page;
      pages.push(next);
      cursor = next.nextCursor;
    }
    return pages;
  }

  it("reaches an old active link behind 130 newer ones, and counts the active links on every page", async () => {
    const track = await storedTrack(randomBytes(50), { title: "Decoyed", creatorId: member.id });
    const hidden = await share(track.id, {}, otherMember);
    await studio.sql.query(`UPDATE "ShareLink" SET "createdAt" = now() - interval '1 day' WHERE id = $1`, [hidden.id]);
    // 130 newer decoys, revoked at once (as a create-and-revoke loop would leave them).
    await studio.sql.query(
      `INSERT INTO "ShareLink" (id, "tokenHash", "trackId", "createdById", "createdAt", "revokedAt")
       SELECT gen_random_uuid(), md5(random()::text || n), $1, $2, now() - n * interval '1 second', now() FROM generate_series(1, 130) n`,
      [track.id, otherMember.id],
    );
    const pages = await walk(track.id, 50);
    expect(pages.map((p) => p.links.length)).toEqual([50, 50, 31]);
    expect(pages.map((p) => p.activeCount)).toEqual([1, 1, 1]);
    const links = pages.flatMap((p) => p.links);
    expect(new Set(links.map((link) => link.id)).size).toBe(131);
    expect(links.at(-1)).toMatchObject({ id: hidden.id, status: "active" });

    // Newest first, each link once, ties on the creation time broken by id.
    const { rows } = await studio.sql.query<{ id: string }>(
      `SELECT id FROM "ShareLink" WHERE "trackId" = $1 ORDER BY "createdAt" DESC, id DESC`,
      [track.id],
    );
    expect(links.map((link) => link.id)).toEqual(rows.map((row) => row.id));
    expect((await walk(track.id, 7)).flatMap((p) => p.links).map((link) => link.id)).toEqual(rows.map((row) => row.id));
    // Without a limit, a page is 50 links.
    expect(((await (await page(track.id, "")).json()) as Page).links).toHaveLength(50);
  });

  it("refuses a bad page size or page link with a field error", async () => {
    const libraryCursor = Buffer.from(JSON.stringify({ sort: "title", value: "a", id: randomUUID() })).toString("base64url");
    for (const [query, field] of [
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?limit=ten", "limit"],
      ["?cursor=not-a-cursor", "cursor"],
      [`?cursor=${libraryCursor}`, "cursor"],
      ["?cursor=%00", "cursor"],
    ] as const) {
      const response = await page(ownersTrack.id, query);
      expect(response.status, query).toBe(400);
      expect(Object.keys((await response.json()).fields), query).toEqual([field]);
    }
  });
});

describe("at most 20 active links per track", () => {
  it("refuses the 21st with a 409 that says to revoke one; a revoked or expired link makes room", async () => {
    const track = await storedTrack(randomBytes(50), { title: "Popular", creatorId: member.id });
    const made = [];
    for (let i = 0; i < 20; i++) made.push(await share(track.id, {}, i % 2 ? member : otherMember));
    const refused = await createLink(track.id, {}, admin);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({
      error: "This track already has 20 active share links, the most it can have. Revoke one before making another.",
    });

    expect((await revoke(made[0]!.id, member)).status).toBe(200);
    expect((await createLink(track.id, {}, admin)).status).toBe(201);
    expect((await createLink(track.id, {}, admin)).status).toBe(409);
    await studio.sql.query(`UPDATE "ShareLink" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [made[1]!.id]);
    expect((await createLink(track.id, {}, admin)).status).toBe(201);
    // Other tracks are not affected.
    expect((await createLink(membersTrack.id, {}, admin)).status).toBe(201);
  });

  it("holds when many links are made at once", async () => {
    const track = await storedTrack(randomBytes(50), { title: "Rushed", creatorId: member.id });
    for (let i = 0; i < 15; i++) await share(track.id, {}, member);
    const answers = await Promise.all(Array.from({ length: 10 }, () => createLink(track.id, {}, otherMember)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(5).fill(201), ...Array(5).fill(409)]);
    const { rows } = await studio.sql.query(`SELECT count(*)::int AS active FROM "ShareLink" WHERE "trackId" = $1 AND "revokedAt" IS NULL`, [track.id]);
    expect(rows[0].active).toBe(20);
  });
});
