import { createHash } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seedTrack } from "../support/library";
import { authPost, cookieOf, createMember, signInAs, TEST_PASSWORD, type TestMember } from "../support/members";
import { call, jsonInit, STUDIO } from "../support/routes";
import { sseReader } from "../support/sse";
import { setUpStudio } from "../support/studio-harness";

// The team: members, roles, removal, invite links, open sign-up, the sign-in rate limit and
// password change, through the route handlers and better-auth's own endpoints on a real PostgreSQL.

const studio = setUpStudio();
let owner: TestMember;
let admin: TestMember;
let member: TestMember;

beforeAll(async () => {
  owner = await signInAs(studio.database.url, "owner");
  admin = await createMember(studio.database.url, "admin", "Ada Admin");
  member = await createMember(studio.database.url, "member", "Mo Member");
  await setOpenSignUp(false);
});

const routes = {
  members: () => import("@/app/api/team/members/route"),
  member: () => import("@/app/api/team/members/[id]/route"),
  invites: () => import("@/app/api/team/invites/route"),
  invite: () => import("@/app/api/team/invites/[id]/route"),
  settings: () => import("@/app/api/team/settings/route"),
  creators: () => import("@/app/api/tracks/creators/route"),
};

const as = (who: TestMember | null): RequestInit => ({ headers: { cookie: who?.cookie ?? "" } });
const withCookie = (init: RequestInit, who: TestMember | null): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), cookie: who?.cookie ?? "" },
});

async function listMembers(who: TestMember | null = owner) {
  return call((await routes.members()).GET, "/api/team/members", as(who));
}
async function patchMember(id: string, body: unknown, who: TestMember | null = owner) {
  return call((await routes.member()).PATCH, `/api/team/members/${id}`, withCookie(jsonInit("PATCH", body), who), { id });
}
async function deleteMember(id: string, who: TestMember | null = owner) {
  return call((await routes.member()).DELETE, `/api/team/members/${id}`, withCookie({ method: "DELETE" }, who), { id });
}
async function listInvites(who: TestMember | null = owner) {
  return call((await routes.invites()).GET, "/api/team/invites", as(who));
}
async function postInvite(body: unknown, who: TestMember | null = owner) {
  return call((await routes.invites()).POST, "/api/team/invites", withCookie(jsonInit("POST", body), who));
}
async function revokeInvite(id: string, who: TestMember | null = owner) {
  return call((await routes.invite()).DELETE, `/api/team/invites/${id}`, withCookie({ method: "DELETE" }, who), { id });
}
async function getSettings(who: TestMember | null = owner) {
  return call((await routes.settings()).GET, "/api/team/settings", as(who));
}
async function patchSettings(body: unknown, who: TestMember | null = owner) {
  return call((await routes.settings()).PATCH, "/api/team/settings", withCookie(jsonInit("PATCH", body), who));
}

async function setOpenSignUp(open: boolean) {
  await studio.sql.query(`UPDATE "StudioSettings" SET "openSignUp" = $1 WHERE id = 1`, [open]);
}

/** A new invite link made by the owner; answers its id and token. */
async function invite(role: "admin" | "member" = "member", expiresInHours?: number): Promise<{ id: string; token: string }> {
  const response = await postInvite({ role, ...(expiresInHours && { expiresInHours }) });
  expect(response.status).toBe(201);
  const { id, url } = (await response.json()) as { id: string; url: string };
  return { id, token: new URL(url).searchParams.get("invite")! };
}

let signUps = 0;
function signUp(inviteToken?: string, email = `joiner.${Date.now()}.${++signUps}@studio.test`) {
  return authPost("/sign-up/email", { name: `Joiner ${signUps}`, email, password: TEST_PASSWORD, ...(inviteToken && { inviteToken }) });
}

async function roleOf(email: string): Promise<string | undefined> {
  const { rows } = await studio.sql.query<{ role: string }>(`SELECT role FROM "user" WHERE email = $1`, [email]);
  return rows[0]?.role;
}

describe("who may call the team routes", () => {
  it("answers 401 without a session, 403 to a member, and keeps the open sign-up switch for the owner", async () => {
    const anyId = "6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11";
    const calls = [
      () => listMembers(null),
      () => patchMember(member.id, { role: "admin" }, null),
      () => deleteMember(member.id, null),
      () => listInvites(null),
      () => postInvite({ role: "member" }, null),
      () => revokeInvite(anyId, null),
      () => getSettings(null),
      () => patchSettings({ openSignUp: true }, null),
    ];
    for (const send of calls) expect((await send()).status).toBe(401);

    for (const send of [
      () => listMembers(member),
      () => patchMember(member.id, { role: "admin" }, member),
      () => deleteMember(admin.id, member),
      () => listInvites(member),
      () => postInvite({ role: "member" }, member),
      () => revokeInvite(anyId, member),
      () => patchSettings({ openSignUp: true }, member),
    ]) {
      const refused = await send();
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: expect.stringMatching(/needs the (admin|owner) role/) });
    }
    expect((await patchSettings({ openSignUp: true }, admin)).status).toBe(403);

    // Everyone signed in may see whether sign-up is open.
    const settings = await getSettings(member);
    expect(settings.status).toBe(200);
    expect(await settings.json()).toEqual({ openSignUp: false });
  });

  it("refuses a state change sent from another site", async () => {
    const crossSite = await call((await routes.invites()).POST, "/api/team/invites", {
      ...jsonInit("POST", { role: "member" }),
      headers: { "content-type": "application/json", origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
  });
});

describe("GET /api/team/members", () => {
  it("lists everyone, owner first, with what the viewer may do to each, and nothing secret", async () => {
    const response = await listMembers(admin);
    expect(response.status).toBe(200);
    const { members } = (await response.json()) as { members: Record<string, unknown>[] };
    expect(members[0]).toEqual({
      id: owner.id,
      name: expect.any(String),
      email: owner.email,
      role: "owner",
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      canChangeRole: false,
      canRemove: false,
    });
    expect(members.find((m) => m.id === admin.id)).toMatchObject({ role: "admin", canChangeRole: false, canRemove: false });
    expect(members.find((m) => m.id === member.id)).toMatchObject({ name: "Mo Member", role: "member", canChangeRole: true, canRemove: true });
    for (const listed of members) expect(Object.keys(listed).sort()).toEqual(["canChangeRole", "canRemove", "createdAt", "email", "id", "name", "role"]);
  });
});

describe("PATCH /api/team/members/:id", () => {
  it("lets an admin promote a member and demote an admin, effective on the next request", async () => {
    const someone = await createMember(studio.database.url, "member", "Pat Promoted");
    await setOpenSignUp(false);
    expect((await listMembers(someone)).status).toBe(403);

    const promoted = await patchMember(someone.id, { role: "admin" }, admin);
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ id: someone.id, role: "admin", name: "Pat Promoted" });
    expect((await listMembers(someone)).status).toBe(200);

    const demoted = await patchMember(someone.id, { role: "member" }, admin);
    expect(await demoted.json()).toMatchObject({ role: "member" });
    expect((await listMembers(someone)).status).toBe(403);
  });

  it("never changes your own role or the owner's, and nobody can be made owner", async () => {
    const self = await patchMember(admin.id, { role: "member" }, admin);
    expect(self.status).toBe(403);
    expect(await self.json()).toEqual({ error: "You can't change your own role." });
    expect((await patchMember(owner.id, { role: "admin" }, owner)).status).toBe(403);

    const ownersRole = await patchMember(owner.id, { role: "member" }, admin);
    expect(ownersRole.status).toBe(403);
    expect(await ownersRole.json()).toEqual({ error: "The owner's role can't be changed." });

    const makeOwner = await patchMember(member.id, { role: "owner" }, owner);
    expect(makeOwner.status).toBe(400);
    expect(await makeOwner.json()).toEqual({ error: "Some fields are invalid.", fields: { role: ["The role must be admin or member."] } });
    expect(await roleOf(member.email)).toBe("member");
    expect(await roleOf(owner.email)).toBe("owner");
  });

  it("answers field errors for bad input and 404 for an unknown member", async () => {
    const extra = await patchMember(member.id, { role: "admin", name: "x" }, owner);
    expect(extra.status).toBe(400);
    expect((await extra.json()).fields).toEqual({ _: [expect.stringContaining("name")] });
    const missing = await patchMember(member.id, {}, owner);
    expect((await missing.json()).fields).toEqual({ role: ["The role must be admin or member."] });
    const notJson = await call((await routes.member()).PATCH, `/api/team/members/${member.id}`, { method: "PATCH", body: "role=admin" }, { id: member.id });
    expect(notJson.status).toBe(400);

    const unknown = await patchMember("no-such-member", { role: "admin" }, owner);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "This member does not exist or was removed." });
    expect(await roleOf(member.email)).toBe("member");
  });
});

describe("DELETE /api/team/members/:id", () => {
  it("removes a member: signed out at once, their tracks stay under 'Former member', their open invites revoked", async () => {
    const leaving = await createMember(studio.database.url, "admin", "Lee Leaving");
    await setOpenSignUp(false);
    const pendingByLeaving = (await (await postInvite({ role: "member" }, leaving)).json()) as { id: string };
    await patchMember(leaving.id, { role: "member" }, owner);
    await seedTrack(studio.sql, { creatorId: leaving.id, title: "Left behind" });
    await studio.sql.query(
      `INSERT INTO "LedgerEntry" (id, "generationId", "memberId", model, "quotedUsd") VALUES (gen_random_uuid(), gen_random_uuid(), $1, 'elevenlabs-music', 0.5)`,
      [leaving.id],
    );
    const creators = async () => ((await (await call((await routes.creators()).GET, "/api/tracks/creators", as(owner))).json()) as { creators: { id: string; name: string }[] }).creators;
    expect(await creators()).toContainEqual({ id: leaving.id, name: "Lee Leaving" });

    const removed = await deleteMember(leaving.id, admin);
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ id: leaving.id });

    expect((await getSettings(leaving)).status).toBe(401);
    const { rows: sessions } = await studio.sql.query(`SELECT 1 FROM "session" WHERE "userId" = $1`, [leaving.id]);
    expect(sessions).toEqual([]);
    const { rows: tracks } = await studio.sql.query(`SELECT title FROM "Track" WHERE "creatorId" = $1`, [leaving.id]);
    expect(tracks).toEqual([{ title: "Left behind" }]);
    const { rows: ledger } = await studio.sql.query(`SELECT "quotedUsd" FROM "LedgerEntry" WHERE "memberId" = $1`, [leaving.id]);
    expect(ledger).toEqual([{ quotedUsd: "0.500000" }]);
    expect(await creators()).toContainEqual({ id: leaving.id, name: "Former member" });
    const { rows: invites } = await studio.sql.query(`SELECT "revokedAt" FROM "Invite" WHERE id = $1`, [pendingByLeaving.id]);
    expect(invites[0].revokedAt).toBeInstanceOf(Date);

    expect((await deleteMember(leaving.id, admin)).status).toBe(404);
  });

  it("keeps the owner, never removes yourself, and leaves admins to the owner", async () => {
    const other = await createMember(studio.database.url, "admin", "Otto Other Admin");
    await setOpenSignUp(false);
    for (const [id, who, message] of [
      [owner.id, admin, "The owner can't be removed."],
      [admin.id, admin, "You can't remove yourself."],
      [owner.id, owner, "You can't remove yourself."],
      [other.id, admin, "Only the owner can remove an admin."],
    ] as const) {
      const refused = await deleteMember(id, who);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: message });
    }
    expect(await roleOf(other.email)).toBe("admin");

    expect((await deleteMember(other.id, owner)).status).toBe(200);
    expect(await roleOf(other.email)).toBeUndefined();
  });
});

describe("what a removed member could still reach", () => {
  /** A share link `who` makes to `trackId` through the studio's route: its id and token. */
  async function shareAs(who: TestMember, trackId: string): Promise<{ id: string; token: string }> {
    const { POST } = await import("@/app/api/tracks/[id]/shares/route");
    const response = await call(POST, `/api/tracks/${trackId}/shares`, withCookie(jsonInit("POST", {}), who), { id: trackId });
    expect(response.status).toBe(201);
    const { id, url } = (await response.json()) as { id: string; url: string };
    return { id, token: url.split("/share/")[1]! };
  }
  async function publicStatuses(token: string): Promise<number[]> {
    const { GET: audio } = await import("@/app/api/share/[token]/audio/route");
    const { GET: peaks } = await import("@/app/api/share/[token]/peaks/route");
    return [
      (await call(audio, `/api/share/${token}/audio`, as(null), { token })).status,
      (await call(peaks, `/api/share/${token}/peaks`, as(null), { token })).status,
    ];
  }

  it("revokes every share link they made, to anyone's track, and ends their open event stream at once", async () => {
    const leaving = await createMember(studio.database.url, "member", "Lou Leaving");
    await setOpenSignUp(false);
    const theirTrack = await seedTrack(studio.sql, { creatorId: leaving.id, title: "Lou's own" });
    const othersTrack = await seedTrack(studio.sql, { creatorId: member.id, title: "Mo's track" });
    const toOthers = await shareAs(leaving, othersTrack.id);
    const toOwn = await shareAs(leaving, theirTrack.id);
    // A link someone else made to the leaver's track stays: the track stays in the library.
    const byOther = await shareAs(member, theirTrack.id);
    // (Seeded tracks have a waveform but no stored audio: the waveform shows the link works.)
    expect((await publicStatuses(toOthers.token))[1]).toBe(200);

    const { GET: events } = await import("@/app/api/events/route");
    const opened = await call(events, "/api/events", as(leaving));
    expect(opened.status).toBe(200);
    const stream = sseReader(opened);
    expect((await stream.next())?.comments).toEqual(["connected"]);

    expect((await deleteMember(leaving.id, admin)).status).toBe(200);
    const removedAt = Date.now();
    // A status change right after the removal must not reach the stream.
    await studio.sql.query(`SELECT pg_notify('generation_events', $1)`, [JSON.stringify({ id: "g-after", status: "queued", batchId: "b-after" })]);
    const received = [];
    for (let message = await stream.next(5_000); message !== null; message = await stream.next(5_000)) received.push(message);
    expect(Date.now() - removedAt).toBeLessThan(5_000);
    expect(received.filter((message) => message.event === "generation")).toEqual([]);

    for (const { token } of [toOthers, toOwn]) expect(await publicStatuses(token)).toEqual([404, 404]);
    expect((await publicStatuses(byOther.token))[1]).toBe(200);
    const { rows } = await studio.sql.query(`SELECT id, "revokedAt" FROM "ShareLink" WHERE id = ANY($1::uuid[])`, [[toOthers.id, toOwn.id, byOther.id]]);
    const revoked = new Map(rows.map((row) => [row.id, row.revokedAt]));
    expect(revoked.get(toOthers.id)).toBeInstanceOf(Date);
    expect(revoked.get(toOwn.id)).toBeInstanceOf(Date);
    expect(revoked.get(byOther.id)).toBeNull();
  });

  it("leaves no live invite made while the removal was under way: the invite waits for it, then is refused", async () => {
    const leaving = await createMember(studio.database.url, "admin", "Ada Leaving");
    await setOpenSignUp(false);
    // The removal's own statements (remove-member.ts), paused before its commit.
    const removal = new pg.Client({ connectionString: studio.database.url });
    await removal.connect();
    try {
      await removal.query("BEGIN");
      await removal.query(`DELETE FROM "user" WHERE id = $1`, [leaving.id]);
      await removal.query(`UPDATE "Invite" SET "revokedAt" = now() WHERE "createdById" = $1 AND "usedAt" IS NULL AND "revokedAt" IS NULL`, [leaving.id]);
      const created = postInvite({ role: "member" }, leaving);
      // Its session was read before the removal commits; the invite must not slip in meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await removal.query("COMMIT");
      expect((await created).status).toBe(401);
    } finally {
      await removal.end();
    }
    const { rows } = await studio.sql.query(`SELECT id FROM "Invite" WHERE "createdById" = $1 AND "revokedAt" IS NULL`, [leaving.id]);
    expect(rows).toEqual([]);
  });

  it("refuses an invite from an admin demoted while making it", async () => {
    const demoted = await createMember(studio.database.url, "admin", "Dee Demoted");
    const change = new pg.Client({ connectionString: studio.database.url });
    await change.connect();
    try {
      await change.query("BEGIN");
      await change.query(`UPDATE "user" SET role = 'member' WHERE id = $1`, [demoted.id]);
      const created = postInvite({ role: "member" }, demoted);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await change.query("COMMIT");
      expect((await created).status).toBe(403);
    } finally {
      await change.end();
    }
  });

  it("ends only the removed member's streams: everyone else's carry on", async () => {
    const leaving = await createMember(studio.database.url, "member", "Rae Removed");
    await setOpenSignUp(false);
    const { GET: events } = await import("@/app/api/events/route");
    const theirs = sseReader(await call(events, "/api/events", as(leaving)));
    const staying = sseReader(await call(events, "/api/events", as(member)));
    for (const stream of [theirs, staying]) expect((await stream.next())?.comments).toEqual(["connected"]);

    expect((await deleteMember(leaving.id, admin)).status).toBe(200);
    let message = await theirs.next(5_000);
    while (message !== null) message = await theirs.next(5_000);
    await studio.sql.query(`SELECT pg_notify('generation_events', $1)`, [JSON.stringify({ id: "g-kept", status: "queued", batchId: "b-kept" })]);
    let event = await staying.next(5_000);
    while (event?.event !== "generation") event = await staying.next(5_000);
    expect(JSON.parse(event.data!)).toEqual({ id: "g-kept", status: "queued", batchId: "b-kept" });
    await staying.cancel();
  });
});

describe("invites", () => {
  it("answers the link once; only the token's hash is kept and the list never shows it", async () => {
    const before = Date.now();
    const response = await postInvite({ role: "member" }, admin);
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; url: string; role: string; expiresAt: string };
    expect(Object.keys(created).sort()).toEqual(["expiresAt", "id", "role", "url"]);
    expect(created.role).toBe("member");
    expect(created.url).toMatch(new RegExp(`^${STUDIO}/sign-up\\?invite=[A-Za-z0-9_-]{43}$`));
    const expiresIn = new Date(created.expiresAt).getTime() - before;
    expect(expiresIn).toBeGreaterThan(72 * 3_600_000 - 5_000);
    expect(expiresIn).toBeLessThan(72 * 3_600_000 + 5_000);

    const token = new URL(created.url).searchParams.get("invite")!;
    const { rows } = await studio.sql.query(`SELECT * FROM "Invite" WHERE id = $1`, [created.id]);
    expect(rows[0].tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows[0])).not.toContain(token);

    // Seen by the owner, the admin who made it is named; to the admin it would be "You".
    const listed = await listInvites(owner);
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(rows[0].tokenHash);
    const { invites } = JSON.parse(text) as { invites: Record<string, unknown>[] };
    expect(invites.find((i) => i.id === created.id)).toEqual({
      id: created.id,
      role: "member",
      status: "pending",
      createdBy: { id: admin.id, name: "Ada Admin" },
      createdAt: expect.any(String),
      expiresAt: created.expiresAt,
      usedAt: null,
      usedByEmail: null,
      revokedAt: null,
    });
  });

  it("lets the owner invite admins and admins invite members", async () => {
    const refused = await postInvite({ role: "admin" }, admin);
    expect(refused.status).toBe(403);
    expect((await refused.json()).fields).toEqual({ role: ["Only the owner can invite admins."] });

    const { token } = await invite("admin", 1);
    const joined = await signUp(token, `new.admin.${Date.now()}@studio.test`);
    expect(joined.status).toBe(200);
    const { user } = (await joined.json()) as { user: { email: string } };
    expect(await roleOf(user.email)).toBe("admin");
  });

  it("answers field errors for a bad role or expiry", async () => {
    for (const [body, field] of [
      [{ role: "owner" }, "role"],
      [{}, "role"],
      [{ role: "member", expiresInHours: 0 }, "expiresInHours"],
      [{ role: "member", expiresInHours: 721 }, "expiresInHours"],
      [{ role: "member", expiresInHours: 1.5 }, "expiresInHours"],
      [{ role: "member", expiresInHours: "72" }, "expiresInHours"],
    ] as const) {
      const response = await postInvite(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((await response.json()).fields), JSON.stringify(body)).toEqual([field]);
    }
    const oneHour = await postInvite({ role: "member", expiresInHours: 1 });
    expect(oneHour.status).toBe(201);
    const { expiresAt } = (await oneHour.json()) as { expiresAt: string };
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
  });

  it("signs up exactly one account per link, with the invite's role, even when two use it at once", async () => {
    const { id, token } = await invite("member");
    const emails = [`race.a.${Date.now()}@studio.test`, `race.b.${Date.now()}@studio.test`];
    const answers = await Promise.all(emails.map((email) => signUp(token, email)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 403]);
    const roles = await Promise.all(emails.map(roleOf));
    expect(roles.filter(Boolean)).toEqual(["member"]);

    const refused = answers.find((answer) => answer.status === 403)!;
    expect(((await refused.json()) as { message: string }).message).toMatch(/already been used/);
    const again = await signUp(token);
    expect(again.status).toBe(403);
    expect(((await again.json()) as { message: string }).message).toMatch(/already been used/);

    const winner = emails[roles.findIndex(Boolean)];
    const { invites } = (await (await listInvites()).json()) as { invites: { id: string; status: string; usedByEmail: string }[] };
    expect(invites.find((i) => i.id === id)).toMatchObject({ status: "used", usedByEmail: winner });
    const revokeUsed = await revokeInvite(id);
    expect(revokeUsed.status).toBe(409);
  });

  it("refuses an expired, a revoked or a made-up link with a message that says which", async () => {
    const expired = await invite("member");
    await studio.sql.query(`UPDATE "Invite" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [expired.id]);
    const revoked = await invite("member");
    const revokedAnswer = await revokeInvite(revoked.id, admin);
    expect(revokedAnswer.status).toBe(200);
    expect(await revokedAnswer.json()).toMatchObject({ id: revoked.id, status: "revoked", revokedAt: expect.any(String) });
    expect((await revokeInvite(revoked.id, admin)).status).toBe(200);

    for (const [token, message] of [
      [expired.token, /has expired/],
      [revoked.token, /was revoked/],
      ["made-up-token", /is not valid/],
    ] as const) {
      const email = `refused.${Date.now()}.${Math.random()}@studio.test`;
      const response = await signUp(token, email);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
      expect(await roleOf(email)).toBeUndefined();
    }
    const { invites } = (await (await listInvites()).json()) as { invites: { id: string; status: string }[] };
    expect(invites.find((i) => i.id === expired.id)?.status).toBe("expired");
    expect(invites.find((i) => i.id === revoked.id)?.status).toBe("revoked");
  });

  it("answers 404 when revoking an invite that does not exist", async () => {
    expect((await revokeInvite("6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11")).status).toBe(404);
    expect((await revokeInvite("not-a-uuid")).status).toBe(404);
  });
});

describe("open sign-up", () => {
  it("is invite-only until the owner opens it, then anyone joins as a member", async () => {
    await setOpenSignUp(false);
    const closedEmail = `closed.${Date.now()}@studio.test`;
    const closed = await signUp(undefined, closedEmail);
    expect(closed.status).toBe(403);
    expect(((await closed.json()) as { message: string }).message).toMatch(/invite-only/);
    // Refused before the email is looked up: an existing account's email gets the same answer.
    const existing = await signUp(undefined, member.email);
    expect(existing.status).toBe(403);
    expect(((await existing.json()) as { message: string }).message).toMatch(/invite-only/);
    expect(await roleOf(closedEmail)).toBeUndefined();

    const opened = await patchSettings({ openSignUp: true }, owner);
    expect(opened.status).toBe(200);
    expect(await opened.json()).toEqual({ openSignUp: true });
    expect(await (await getSettings(member)).json()).toEqual({ openSignUp: true });

    const openEmail = `open.${Date.now()}@studio.test`;
    const open = await signUp(undefined, openEmail);
    expect(open.status).toBe(200);
    expect(await roleOf(openEmail)).toBe("member");

    // A sign-up body cannot choose its role.
    const sneaky = `sneaky.${Date.now()}@studio.test`;
    await authPost("/sign-up/email", { name: "Sneaky", email: sneaky, password: TEST_PASSWORD, role: "owner" });
    expect(await roleOf(sneaky)).not.toBe("owner");

    expect(await (await patchSettings({ openSignUp: false }, owner)).json()).toEqual({ openSignUp: false });
    for (const body of [{}, { openSignUp: "yes" }, { openSignUp: true, extra: 1 }]) {
      const bad = await patchSettings(body, owner);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((await bad.json()).fields).toBeDefined();
    }
    expect(await (await getSettings()).json()).toEqual({ openSignUp: false });
  });
});

describe("sign-in", () => {
  it("allows 10 attempts a minute from one address; the 11th is refused with 429, other addresses carry on", async () => {
    const ip = "192.0.2.77";
    for (let attempt = 1; attempt <= 10; attempt++) {
      // Each attempt at another account, so that only the per-address limit can refuse it (not an account's own: lib/auth/sign-in-limit.ts).
      const wrong = await authPost("/sign-in/email", { email: `nobody.${attempt}@studio.test`, password: "not the password" }, { ip });
      expect(wrong.status, `attempt ${attempt}`).toBe(401);
    }
    const limited = await authPost("/sign-in/email", { email: member.email, password: TEST_PASSWORD }, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);

    const elsewhere = await authPost("/sign-in/email", { email: member.email, password: TEST_PASSWORD }, { ip: "192.0.2.78" });
    expect(elsewhere.status).toBe(200);
  });

  it("keeps a refused sign-up out of the console: it is the visitor's mistake, logged at debug in the studio's logs", async () => {
    await setOpenSignUp(false);
    const consoleError = vi.spyOn(console, "error");
    try {
      const refused = await signUp("no-such-invite-token");
      expect(refused.status).toBe(403);
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});

describe("password change", () => {
  it("needs the current password; then the new one signs in and the old one no longer does", async () => {
    const changer = await createMember(studio.database.url, "member", "Cam Changer");
    await setOpenSignUp(false);
    const newPassword = "a brand new passphrase";

    const wrongCurrent = await authPost("/change-password", { currentPassword: "not it at all", newPassword }, { cookie: changer.cookie });
    expect(wrongCurrent.status).toBe(400);
    const tooShort = await authPost("/change-password", { currentPassword: TEST_PASSWORD, newPassword: "short" }, { cookie: changer.cookie });
    expect(tooShort.status).toBe(400);
    const anonymous = await authPost("/change-password", { currentPassword: TEST_PASSWORD, newPassword });
    expect(anonymous.status).toBe(401);

    const changed = await authPost(
      "/change-password",
      { currentPassword: TEST_PASSWORD, newPassword, revokeOtherSessions: true },
      { cookie: changer.cookie },
    );
    expect(changed.status).toBe(200);
    // Other sessions are signed out; the one that changed the password gets a fresh cookie.
    expect((await getSettings(changer)).status).toBe(401);
    expect((await getSettings({ ...changer, cookie: cookieOf(changed) })).status).toBe(200);

    const old = await authPost("/sign-in/email", { email: changer.email, password: TEST_PASSWORD });
    expect(old.status).toBe(401);
    const fresh = await authPost("/sign-in/email", { email: changer.email, password: newPassword });
    expect(fresh.status).toBe(200);
    expect((await getSettings({ ...changer, cookie: cookieOf(fresh) })).status).toBe(200);
  });
});
