// Accounts under attack, through better-auth's own endpoints on a real PostgreSQL: who may
// create a fresh studio's owner (the setup code from the start-up log), password guessing
// that is capped without locking a member out of their usual places, what a failed sign-in
// leaves in the log, a password change that signs other devices out, better-auth's endpoints
// the studio does not use, and claims (invite, ownership) that a failed account creation gives
// back.
import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { FAILURES_FROM_NEW_ADDRESSES, FAILURES_FROM_ONE_ADDRESS } from "@/lib/auth/sign-in-limit";
import { ownerSetupCode } from "@/lib/auth/setup-code";
import { authPost, cookieOf, createMember, freshIp, ownerSetupCodeOf, TEST_PASSWORD, type TestMember } from "../support/members";
import { call, jsonInit } from "../support/routes";
import { setStudioEnv } from "../support/studio-env";
import { setUpStudio } from "../support/studio-harness";

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

const studio = setUpStudio({ env: { LOG_SIGN_IN_EMAILS: undefined } });
// The owner creates the studio from home, and so has signed in from there (sign-up signs in).
const owner = { email: "olive.owner@studio.test", password: "the owner's own passphrase", cookie: "", home: "192.0.2.10" };

beforeAll(async () => {
  // Account creation fails, after the studio's claims, for these emails: as a crash or a
  // constraint would make it fail in the middle of a sign-up.
  await studio.sql.query(`
    CREATE FUNCTION refuse_doomed_account() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'account refused by the test'; END $$;
    CREATE TRIGGER refuse_doomed_account BEFORE INSERT ON "user" FOR EACH ROW WHEN (NEW.email LIKE 'doomed.%') EXECUTE FUNCTION refuse_doomed_account();`);
});

function signUp(body: Record<string, unknown>, ip = freshIp()): Promise<Response> {
  return authPost("/sign-up/email", { name: "Someone", password: TEST_PASSWORD, ...body }, { ip });
}

function signIn(email: string, password: string, ip = freshIp()): Promise<Response> {
  return authPost("/sign-in/email", { email, password }, { ip });
}

async function accounts(): Promise<{ email: string; role: string }[]> {
  return (await studio.sql.query<{ email: string; role: string }>(`SELECT email, role FROM "user" ORDER BY "createdAt"`)).rows;
}

async function messageOf(response: Response): Promise<string> {
  return ((await response.json()) as { message: string }).message;
}

/** As if a minute had passed for better-auth's per-address limit (10 sign-ins a minute), which is not what these tests are about. */
async function forgetPerAddressLimit(ip: string): Promise<void> {
  await studio.sql.query(`DELETE FROM "rateLimit" WHERE key LIKE $1`, [`${ip}|%`]);
}

/** As if `ms` had passed for every limit kept in the "rateLimit" table (better-auth's and the studio's): all its times move back. */
async function letTimePass(ms: number): Promise<void> {
  await studio.sql.query(`UPDATE "rateLimit" SET "lastRequest" = "lastRequest" - $1`, [ms]);
}

/** A member who has signed in from `home`. */
async function memberAt(home: string, name: string): Promise<TestMember> {
  const member = await createMember(studio.database.url, "member", name);
  expect((await signIn(member.email, TEST_PASSWORD, home)).status).toBe(200);
  return member;
}

/** `perAddress` wrong passwords for `email` from each of `addresses`, all addresses at once, each one guess after another; the statuses. */
async function guessFromEach(email: string, addresses: string[], perAddress: number, onAnswer = () => {}): Promise<number[]> {
  const guesser = async (address: string) => {
    const statuses: number[] = [];
    for (let guess = 1; guess <= perAddress; guess++) {
      statuses.push((await signIn(email, `guess ${guess} from ${address}`, address)).status);
      onAnswer();
    }
    return statuses;
  };
  return (await Promise.all(addresses.map(guesser))).flat();
}

function countOf(statuses: number[]): Record<number, number> {
  return statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});
}

const addressesIn = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}.${index + 1}`);

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
      const code = await ownerSetupCodeOf(studio.database.url);
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
    const code = await ownerSetupCodeOf(studio.database.url);
    const failed = await signUp({ email: "doomed.owner@studio.test", setupCode: code });
    expect(failed.ok).toBe(false);
    expect(await accounts()).toEqual([]);

    // At once, not a minute later: the failed attempt's claim on the studio was rolled back with it.
    // The code as someone might type it: lower case, no dashes, O for 0.
    const typed = code.toLowerCase().replaceAll("-", "").replaceAll("0", "o");
    const created = await signUp({ email: owner.email, password: owner.password, setupCode: typed }, owner.home);
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
    const again = await signUp({ email: "second.owner@studio.test", setupCode: await ownerSetupCodeOf(studio.database.url) });
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
    const { rows: untouched } = await studio.sql.query(`SELECT "usedAt", "usedByEmail" FROM "Invite" WHERE id = $1`, [id]);
    expect(untouched).toEqual([{ usedAt: null, usedByEmail: null }]);

    const joined = await signUp({ email: "ada.admin@studio.test", inviteToken });
    expect(joined.status).toBe(200);
    expect((await accounts()).find((account) => account.email === "ada.admin@studio.test")?.role).toBe("admin");
    const { rows: used } = await studio.sql.query(`SELECT "usedByEmail" FROM "Invite" WHERE id = $1`, [id]);
    expect(used).toEqual([{ usedByEmail: "ada.admin@studio.test" }]);
  });
});

describe("password guessing", () => {
  const NEW = FAILURES_FROM_NEW_ADDRESSES;
  const ONE = FAILURES_FROM_ONE_ADDRESS;
  const NEW_ADDRESS_REFUSAL = /from devices and networks it has not signed in from\. Sign in from a device or network you have signed in from before, or wait 4 minutes/;

  it("caps wrong passwords from addresses an account never signed in from: 30 addresses guessing 10 times each get 5 wrong-password answers, the rest 429, and the owner gets in from home meanwhile, promptly", async () => {
    let answered = 0;
    const flood = guessFromEach(owner.email, addressesIn("198.51.100", 30), 10, () => answered++);
    // The owner's home is known from the sign-up alone: they never signed in there otherwise.
    const mine = await timed(() => signIn(owner.email.toUpperCase(), owner.password, owner.home));
    const answeredBeforeOwner = answered;
    const statuses = await flood;
    expect(mine.result.status).toBe(200);
    // Not queued behind the flood (about 0.5 s here; room for a loaded CI machine).
    expect(mine.ms).toBeLessThan(2_500);
    expect(answeredBeforeOwner).toBeLessThan(300);
    expect(countOf(statuses)).toEqual({ 401: NEW.burst, 429: 300 - NEW.burst });
  });

  it("refuses a new address while that budget is spent, with the right password too, saying where to sign in from; the minutes it names later, it gets in", async () => {
    const traveller = "203.0.113.50";
    const refused = await signIn(owner.email, owner.password, traveller);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ code: "TOO_MANY_FAILED_SIGN_INS", message: expect.stringMatching(NEW_ADDRESS_REFUSAL) });
    // From home, still in.
    expect((await signIn(owner.email, owner.password, owner.home)).status).toBe(200);

    await letTimePass(NEW.everyMs);
    expect((await signIn(owner.email, owner.password, traveller)).status).toBe(200);
  });

  it("answers 300 guesses sent at once with 429s, without the database pool reconnecting (500s once connections time out)", async () => {
    const member = await memberAt("192.0.2.35", "Flo Flooded");
    const sessionsOpened = async () => Number((await studio.sql.query(`SELECT sessions FROM pg_stat_database WHERE datname = current_database()`)).rows[0].sessions);
    const before = await sessionsOpened();
    const statuses = await Promise.all(
      addressesIn("198.51.103", 30).flatMap((address) => Array.from({ length: 10 }, async (_, guess) => (await signIn(member.email, `guess ${guess}`, address)).status)),
    );
    expect(countOf(statuses)).toEqual({ 401: NEW.burst, 429: 300 - NEW.burst });
    // At most a full pool's worth (pg's 10) of new connections.
    expect((await sessionsOpened()) - before).toBeLessThanOrEqual(10);
  });

  it("refuses an address that keeps failing on an account, the right password too, even a known one (a stranger on the member's network), but not the member from home", async () => {
    const member = await memberAt("192.0.2.30", "Pat Patient");
    const office = "192.0.2.31";
    expect((await signIn(member.email, TEST_PASSWORD, office)).status).toBe(200);
    await forgetPerAddressLimit(office);
    for (let attempt = 1; attempt <= ONE.burst; attempt++) {
      expect((await signIn(member.email, `guess ${attempt}`, office)).status, `attempt ${attempt}`).toBe(401);
    }
    await forgetPerAddressLimit(office);
    const refused = await signIn(member.email, TEST_PASSWORD, office);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ code: "TOO_MANY_FAILED_SIGN_INS", message: expect.stringMatching(/from your address\. Wait 2 minutes/) });
    expect((await signIn(member.email, TEST_PASSWORD, "192.0.2.30")).status).toBe(200);
  });

  it("lets a new device in with the right password without spending that budget, and knows its address (an IPv6 /64) from then on", async () => {
    const member = await memberAt("192.0.2.40", "Nia Newdevice");
    expect(countOf(await guessFromEach(member.email, addressesIn("198.51.101", NEW.burst - 1), 1))).toEqual({ 401: NEW.burst - 1 });
    // The member's new phone, on the last draw left.
    expect((await signIn(member.email, TEST_PASSWORD, "2001:db8:40:1::10")).status).toBe(200);
    // Its success gave the draw back: one more wrong password, then the budget is spent.
    expect((await signIn(member.email, "one more guess", "198.51.101.100")).status).toBe(401);
    expect((await signIn(member.email, "and another", "198.51.101.101")).status).toBe(429);
    // Anywhere in the phone's /64 is now known, as is home.
    expect((await signIn(member.email, TEST_PASSWORD, "2001:db8:40:1:abcd::99")).status).toBe(200);
    expect((await signIn(member.email, TEST_PASSWORD, "192.0.2.40")).status).toBe(200);
    expect((await signIn(member.email, TEST_PASSWORD, "2001:db8:40:2::10")).status).toBe(429);
  });

  it("knows the address an account was created from: sign-up signs the new member in", async () => {
    const email = "sid.signup@studio.test";
    const home = "192.0.2.45";
    expect((await signUp({ email, name: "Sid Signup" }, home)).status).toBe(200);
    expect(countOf(await guessFromEach(email, addressesIn("198.51.104", NEW.burst + 1), 1))).toEqual({ 401: NEW.burst, 429: 1 });
    expect((await signIn(email, TEST_PASSWORD, home)).status).toBe(200);
  });

  it("keeps known addresses and spent budgets when stale rate-limit rows are pruned, a minute on", async () => {
    const member = await memberAt("192.0.2.50", "Kim Kept");
    const office = "192.0.2.51";
    expect((await signIn(member.email, TEST_PASSWORD, office)).status).toBe(200);
    await forgetPerAddressLimit(office);
    for (let attempt = 1; attempt <= ONE.burst; attempt++) expect((await signIn(member.email, `guess ${attempt}`, office)).status).toBe(401);
    expect(countOf(await guessFromEach(member.email, addressesIn("198.51.102", NEW.burst), 1))).toEqual({ 401: NEW.burst });

    // The clock moves on past better-auth's windows (a minute), short of any draw coming back:
    // the next request prunes the rows older than a minute (rate-limit-storage.ts).
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 70_000 });
    try {
      const again = await signIn(member.email, TEST_PASSWORD, office);
      const { rows } = await studio.sql.query(`SELECT 1 FROM "rateLimit" WHERE key = $1`, ["198.51.102.1|/sign-in/email"]);
      expect(rows).toEqual([]);
      expect(again.status).toBe(429);
      expect(await messageOf(again)).toMatch(/from your address/);
      expect(await messageOf(await signIn(member.email, TEST_PASSWORD, "203.0.113.61"))).toMatch(NEW_ADDRESS_REFUSAL);
      expect((await signIn(member.email, TEST_PASSWORD, "192.0.2.50")).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("counts only wrong passwords, and forgets an address's failures when it signs in", async () => {
    const home = "192.0.2.20";
    const member = await memberAt(home, "Mia Mistyper");
    // A refused attempt (a password too long to check) is no guess: it is not counted.
    for (let attempt = 1; attempt <= ONE.burst; attempt++) {
      expect((await signIn(member.email, "x".repeat(200), home)).status).toBe(400);
      await forgetPerAddressLimit(home);
    }
    const mistypeThenSignIn = async () => {
      for (let attempt = 1; attempt <= ONE.burst / 2 + 1; attempt++) {
        expect((await signIn(member.email, `typo ${attempt}`, home)).status).toBe(401);
      }
      expect((await signIn(member.email, TEST_PASSWORD, home)).status).toBe(200);
      await forgetPerAddressLimit(home);
    };
    await mistypeThenSignIn();
    // Past the address's limit on the account, had the sign-in not reset it.
    await mistypeThenSignIn();
  });

  it("counts a password change's wrong current password like a wrong sign-in: a stolen session cookie cannot guess the password", async () => {
    const home = "192.0.2.60";
    const member = await memberAt(home, "Cy Cookie");
    const stolen = cookieOf(await signIn(member.email, TEST_PASSWORD, home));
    const change = (currentPassword: string, ip: string, cookie = stolen) => authPost("/change-password", { currentPassword, newPassword: `${TEST_PASSWORD} new` }, { ip, cookie });
    for (let attempt = 1; attempt <= NEW.burst; attempt++) {
      expect((await change(`guess ${attempt}`, `203.0.113.${70 + attempt}`)).status, `attempt ${attempt}`).toBe(400);
    }
    expect(await messageOf(await change(TEST_PASSWORD, "203.0.113.80"))).toMatch(NEW_ADDRESS_REFUSAL);
    // The member, at home, changes it (and so signs the thief out).
    expect((await change(TEST_PASSWORD, home, member.cookie)).status).toBe(200);
  });
});

describe("better-auth's endpoints", () => {
  const SERVED = ["/sign-up/email", "/sign-in/email", "/sign-out", "/get-session", "/change-password"];

  it("answer 404 to a signed-in member, but for the five the studio uses", async () => {
    const { auth } = await import("@/lib/auth/auth");
    const { GET, POST } = await import("@/app/api/auth/[...all]/route");
    const member = await memberAt("192.0.2.70", "Eve Endpoint");
    // Every endpoint of better-auth's own list, so that one a later version adds is caught too.
    // Two take a parameter, which disabledPaths cannot name: the OAuth callback (no provider is
    // configured) and the reset link's landing (no reset is ever sent); both only redirect.
    const paths = Object.values((await auth()).api)
      .map((endpoint) => (endpoint as { path?: unknown }).path)
      .filter((path): path is string => typeof path === "string" && !path.includes(":") && !SERVED.includes(path));
    expect(paths).toEqual(expect.arrayContaining(["/verify-password", "/list-sessions", "/update-user", "/revoke-other-sessions"]));
    for (const path of paths) {
      const headers = { cookie: member.cookie };
      expect((await call(POST, `/api/auth${path}`, jsonInit("POST", { password: TEST_PASSWORD }, headers))).status, `POST ${path}`).toBe(404);
      expect((await call(GET, `/api/auth${path}`, { headers })).status, `GET ${path}`).toBe(404);
    }
    // The member is signed in all along.
    const session = await call(GET, "/api/auth/get-session", { headers: { cookie: member.cookie } });
    expect(((await session.json()) as { user: { email: string } }).user.email).toBe(member.email);
  });

  it("refuse a sign-up image that is not a web address, as a page showing it would follow a javascript: URL", async () => {
    const refused = await signUp({ email: "ivy.image@studio.test", image: "javascript:alert(1)" });
    expect(refused.status).toBe(400);
    expect((await refused.json()) as unknown).toMatchObject({ fields: { image: ["The image must be an http:// or https:// URL."] } });
    expect((await accounts()).map((account) => account.email)).not.toContain("ivy.image@studio.test");
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
      expect.objectContaining({
        ip: "192.0.2.55",
        emailSha256: sha256("ada.admin@studio.test"),
        knownAddress: false,
        failuresFromAddress: 1,
        failuresFromNewAddresses: 1,
        msg: expect.stringMatching(/sign-in failed/),
      }),
    ]);
    expect(warnings[0]).not.toHaveProperty("email");
    const everything = logged.join("");
    expect(everything).not.toContain(password);
    expect(everything.toLowerCase()).not.toContain("ada.admin@studio.test");
  });

  it("names the email itself with LOG_SIGN_IN_EMAILS=plain", async () => {
    setStudioEnv({ LOG_SIGN_IN_EMAILS: "plain" });
    try {
      logged.length = 0;
      expect((await signIn("Ada.Admin@studio.test", "not her password", "192.0.2.56")).status).toBe(401);
      const line = logged.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => /sign-in failed/.test(String(entry.msg)));
      expect(line).toMatchObject({ ip: "192.0.2.56", email: "ada.admin@studio.test", msg: expect.stringMatching(/sign-in failed/) });
      expect(line).not.toHaveProperty("emailSha256");
    } finally {
      setStudioEnv({ LOG_SIGN_IN_EMAILS: undefined });
    }
  });
});

describe("a password change", () => {
  it("signs the member's other sessions out even when the client does not ask, and keeps the one that changed it", async () => {
    const changer = await createMember(studio.database.url, "member", "Cam Changer");
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
