// Accounts under attack, through better-auth's own endpoints on a real PostgreSQL: who may
// create a fresh studio's owner (the setup code from the start-up log), password guessing
// that must not lock a member out, what a failed sign-in leaves in the log, a password change
// that signs other devices out, and claims (invite, ownership) that a failed account creation
// gives back.
import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_SIGN_IN_DELAY_MS, SIGN_IN_FAILURES_PER_ADDRESS } from "@/lib/auth/sign-in-limit";
import { ownerSetupCode } from "@/lib/auth/setup-code";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { authPost, cookieOf, createMember, freshIp, ownerSetupCodeOf, TEST_PASSWORD } from "../support/members";
import { call, jsonInit } from "../support/routes";

// Every line the studio logs, as written (JSON), for the tests that read the log.
const logged = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/log", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/log")>();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logged.push(String(chunk));
      done();
    },
  });
  const logger = original.createLogger({ level: "debug", secrets: [] }, stream);
  return { ...original, log: () => logger };
});

let database: TestDatabase;
let client: pg.Client;
const owner = { email: "olive.owner@studio.test", password: "the owner's own passphrase", cookie: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  delete process.env.VENICE_API_KEY;
  delete process.env.LOG_SIGN_IN_EMAILS;
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // Account creation fails, after the studio's claims, for these emails: as a crash or a
  // constraint would make it fail in the middle of a sign-up.
  await client.query(`
    CREATE FUNCTION refuse_doomed_account() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'account refused by the test'; END $$;
    CREATE TRIGGER refuse_doomed_account BEFORE INSERT ON "user" FOR EACH ROW WHEN (NEW.email LIKE 'doomed.%') EXECUTE FUNCTION refuse_doomed_account();`);
});
afterAll(async () => {
  await client.end();
  const { db } = await import("@/lib/db/client");
  await (await db()).$disconnect();
  await database.drop();
});

function signUp(body: Record<string, unknown>, ip = freshIp()): Promise<Response> {
  return authPost("/sign-up/email", { name: "Someone", password: TEST_PASSWORD, ...body }, { ip });
}

function signIn(email: string, password: string, ip = freshIp()): Promise<Response> {
  return authPost("/sign-in/email", { email, password }, { ip });
}

async function accounts(): Promise<{ email: string; role: string }[]> {
  return (await client.query<{ email: string; role: string }>(`SELECT email, role FROM "user" ORDER BY "createdAt"`)).rows;
}

async function messageOf(response: Response): Promise<string> {
  return ((await response.json()) as { message: string }).message;
}

/** As if a minute had passed for better-auth's per-address limit (10 sign-ins a minute), which is not what these tests are about. */
async function forgetPerAddressLimit(ip: string): Promise<void> {
  await client.query(`DELETE FROM "rateLimit" WHERE key LIKE $1`, [`${ip}|%`]);
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("a fresh studio's owner", () => {
  it("is created with the setup code that start-up prints, with a local sign-up link carrying it", async () => {
    const { announceOwnerSetup } = await import("@/lib/auth/sign-up-policy");
    process.env.PORT = "3456";
    const printed = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await announceOwnerSetup();
      const code = await ownerSetupCodeOf(database.url);
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      const url = `http://localhost:3456/sign-up?setup=${code}`;
      expect(printed.mock.calls.flat().join("\n")).toContain(url);
      const line = logged.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.setupUrl);
      expect(line).toMatchObject({ level: 30, setupUrl: url, msg: expect.stringContaining(code) });
    } finally {
      printed.mockRestore();
      delete process.env.PORT;
    }
  });

  it("cannot be created without the setup code or with a wrong one, and the refusal says where to find it", async () => {
    for (const setupCode of [undefined, "", ownerSetupCode("some other studio's secret"), "not-a-code"]) {
      const refused = await signUp({ email: owner.email, password: owner.password, setupCode });
      expect(refused.status, String(setupCode)).toBe(403);
      expect(await messageOf(refused)).toMatch(/setup code printed in the studio's start-up log/);
    }
    expect(await accounts()).toEqual([]);
  });

  it("can still be created when a first attempt with the right code failed while creating the account", async () => {
    const code = await ownerSetupCodeOf(database.url);
    const failed = await signUp({ email: "doomed.owner@studio.test", setupCode: code });
    expect(failed.ok).toBe(false);
    expect(await accounts()).toEqual([]);

    // At once, not a minute later: the failed attempt's claim on the studio was rolled back with it.
    // The code as someone might type it: lower case, no dashes, O for 0.
    const typed = code.toLowerCase().replaceAll("-", "").replaceAll("0", "o");
    const created = await signUp({ email: owner.email, password: owner.password, setupCode: typed });
    expect(created.status).toBe(200);
    owner.cookie = cookieOf(created);
    expect(await accounts()).toEqual([{ email: owner.email, role: "owner" }]);
  });

  it("exists: start-up prints no code any more, and the code creates no other account", async () => {
    const { announceOwnerSetup } = await import("@/lib/auth/sign-up-policy");
    const printed = vi.spyOn(console, "log").mockImplementation(() => {});
    logged.length = 0;
    try {
      await announceOwnerSetup();
      expect(printed).not.toHaveBeenCalled();
      expect(logged.join("")).not.toContain("setup");
    } finally {
      printed.mockRestore();
    }
    const again = await signUp({ email: "second.owner@studio.test", setupCode: await ownerSetupCodeOf(database.url) });
    expect(again.status).toBe(403);
    expect(await messageOf(again)).toMatch(/invite-only/);
    expect(await accounts()).toHaveLength(1);
  });
});

describe("an invite link", () => {
  it("stays usable when the account it was claimed for cannot be created", async () => {
    const { POST } = await import("@/app/api/team/invites/route");
    const made = await call(POST, "/api/team/invites", jsonInit("POST", { role: "admin" }, { cookie: owner.cookie }));
    expect(made.status).toBe(201);
    const { id, url } = (await made.json()) as { id: string; url: string };
    const inviteToken = new URL(url).searchParams.get("invite")!;

    const failed = await signUp({ email: "doomed.joiner@studio.test", inviteToken });
    expect(failed.ok).toBe(false);
    const { rows: untouched } = await client.query(`SELECT "usedAt", "usedByEmail" FROM "Invite" WHERE id = $1`, [id]);
    expect(untouched).toEqual([{ usedAt: null, usedByEmail: null }]);

    const joined = await signUp({ email: "ada.admin@studio.test", inviteToken });
    expect(joined.status).toBe(200);
    expect((await accounts()).find((account) => account.email === "ada.admin@studio.test")?.role).toBe("admin");
    const { rows: used } = await client.query(`SELECT "usedByEmail" FROM "Invite" WHERE id = $1`, [id]);
    expect(used).toEqual([{ usedByEmail: "ada.admin@studio.test" }]);
  });
});

describe("password guessing", () => {
  it("cannot lock the owner out: after 25 wrong passwords from elsewhere the right one gets in, slowed, not refused", async () => {
    // One address guesses until it is refused on this account…
    const guesser = "203.0.113.9";
    for (let attempt = 1; attempt <= SIGN_IN_FAILURES_PER_ADDRESS; attempt++) {
      expect((await signIn(owner.email, `guess ${attempt}`, guesser)).status, `attempt ${attempt}`).toBe(401);
    }
    await forgetPerAddressLimit(guesser);
    const refused = await signIn(owner.email, owner.password, guesser);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ code: "TOO_MANY_FAILED_SIGN_INS", message: expect.stringMatching(/from your address/) });

    // …then many addresses guess at once, as a botnet would.
    const spread = await Promise.all(Array.from({ length: 15 }, (_, index) => signIn(owner.email, `spread guess ${index}`, `198.51.100.${index + 1}`)));
    expect(spread.map((response) => response.status)).toEqual(Array(15).fill(401));

    // Every sign-in to the account is now slowed, by at most a few seconds…
    const slowed = await timed(() => signIn(owner.email, "one more guess"));
    expect(slowed.result.status).toBe(401);
    expect(slowed.ms).toBeGreaterThanOrEqual(MAX_SIGN_IN_DELAY_MS - 50);

    // …and the owner, from their own address, signs in with the right password.
    const mine = await timed(() => signIn(owner.email.toUpperCase(), owner.password, "192.0.2.10"));
    expect(mine.result.status).toBe(200);
    expect(mine.ms).toBeLessThan(MAX_SIGN_IN_DELAY_MS + 3_000);
    // The guesser is still refused, even with the right password.
    await forgetPerAddressLimit(guesser);
    expect((await signIn(owner.email, owner.password, guesser)).status).toBe(429);
  });

  it("counts only wrong passwords, and forgets an address's failures when it signs in", async () => {
    const member = await createMember(database.url, "member", "Mia Mistyper");
    const home = "192.0.2.20";
    // A refused attempt (a password too long to check) is no guess: it is not counted.
    for (let attempt = 1; attempt <= SIGN_IN_FAILURES_PER_ADDRESS; attempt++) {
      expect((await signIn(member.email, "x".repeat(200), home)).status).toBe(400);
      await forgetPerAddressLimit(home);
    }
    const mistypeThenSignIn = async () => {
      for (let attempt = 1; attempt <= SIGN_IN_FAILURES_PER_ADDRESS / 2 + 1; attempt++) {
        expect((await signIn(member.email, `typo ${attempt}`, home)).status).toBe(401);
      }
      expect((await signIn(member.email, TEST_PASSWORD, home)).status).toBe(200);
      await forgetPerAddressLimit(home);
    };
    await mistypeThenSignIn();
    // Past the address's limit on the account, had the sign-in not reset it.
    await mistypeThenSignIn();
  });
});

describe("a failed sign-in", () => {
  it("is logged once, at warn, with the client's address and the email's hash, never the password", async () => {
    const password = "Sw0rdfish-not-the-password";
    // better-auth warns once, on its first request (no STUDIO_URL): only this sign-in's lines are of interest.
    const { GET } = await import("@/app/api/auth/[...all]/route");
    await call(GET, "/api/auth/get-session");
    logged.length = 0;
    expect((await signIn("Ada.Admin@Studio.Test", password, "192.0.2.55")).status).toBe(401);
    const warnings = logged.map((text) => JSON.parse(text) as Record<string, unknown>).filter((entry) => (entry.level as number) >= 40);
    expect(warnings).toEqual([
      expect.objectContaining({ ip: "192.0.2.55", emailSha256: sha256("ada.admin@studio.test"), failures: 1, msg: expect.stringMatching(/sign-in failed/) }),
    ]);
    expect(warnings[0]).not.toHaveProperty("email");
    const everything = logged.join("");
    expect(everything).not.toContain(password);
    expect(everything.toLowerCase()).not.toContain("ada.admin@studio.test");
  });

  it("names the email itself with LOG_SIGN_IN_EMAILS=plain", async () => {
    vi.resetModules();
    process.env.LOG_SIGN_IN_EMAILS = "plain";
    try {
      const { recordSignIn } = await import("@/lib/auth/sign-in-limit");
      const { APIError } = await import("better-auth/api");
      const { db } = await import("@/lib/db/client");
      logged.length = 0;
      const wrong = APIError.from("UNAUTHORIZED", { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" });
      await recordSignIn(await db(), { email: "Ada.Admin@studio.test", ip: "192.0.2.56" }, { returned: wrong, signedIn: false });
      const [line] = logged.map((text) => JSON.parse(text) as Record<string, unknown>);
      expect(line).toMatchObject({ level: 40, ip: "192.0.2.56", email: "ada.admin@studio.test" });
      expect(line).not.toHaveProperty("emailSha256");
    } finally {
      delete process.env.LOG_SIGN_IN_EMAILS;
    }
  });
});

describe("a password change", () => {
  it("signs the member's other sessions out even when the client does not ask, and keeps the one that changed it", async () => {
    const changer = await createMember(database.url, "member", "Cam Changer");
    const { GET } = await import("@/app/api/team/settings/route");
    const settingsAs = async (cookie: string) => (await call(GET, "/api/team/settings", { headers: { cookie } })).status;
    let password = TEST_PASSWORD;
    for (const revokeOtherSessions of [undefined, false]) {
      const [laptop, phone, tablet] = await Promise.all([1, 2, 3].map(async () => cookieOf(await signIn(changer.email, password))));
      expect(await Promise.all([laptop!, phone!, tablet!].map(settingsAs))).toEqual([200, 200, 200]);

      const newPassword = `${password} changed`;
      const changed = await authPost("/change-password", { currentPassword: password, newPassword, revokeOtherSessions }, { cookie: tablet });
      expect(changed.status, String(revokeOtherSessions)).toBe(200);
      password = newPassword;
      expect(await settingsAs(laptop!)).toBe(401);
      expect(await settingsAs(phone!)).toBe(401);
      // The device that changed the password carries on, on the fresh session it was given.
      expect(await settingsAs(cookieOf(changed))).toBe(200);
    }
  });
});
