// Accounts for tests, made through better-auth's own sign-up on the test's database: the
// first becomes the owner (the studio's rule, with the setup code from its start-up log); the
// others are members whose role is then set.
import type { Role } from "@/lib/auth/member";
import { ownerSetupCode } from "@/lib/auth/setup-code";
import { setSessionCookie, STUDIO } from "./routes";
import { withClient } from "./with-client";

export type TestMember = { id: string; email: string; role: Role; cookie: string };

export const TEST_PASSWORD = "correct horse battery";

let count = 0;

/** A new account with `role`, signed in; `databaseUrl` is the test file's database. */
export async function createMember(databaseUrl: string, role: Role, name = `${role} ${++count}`): Promise<TestMember> {
  const { auth } = await import("@/lib/auth/auth");
  const email = `${name.replace(/\W+/g, ".").toLowerCase()}.${Date.now()}.${count}@studio.test`;
  await withClient(databaseUrl, (client) =>
    client.query(`UPDATE "StudioSettings" SET "openSignUp" = true WHERE id = 1`),
  );
  // setupCode is the studio's own field, which better-auth's types do not know.
  const body = { name, email, password: TEST_PASSWORD, setupCode: await ownerSetupCodeOf(databaseUrl) };
  const response = await (await auth()).api.signUpEmail({
    body,
    headers: new Headers({ origin: STUDIO }),
    asResponse: true,
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  await withClient(databaseUrl, (client) => client.query(`UPDATE "user" SET role = $1 WHERE id = $2`, [role, user.id]));
  return { id: user.id, email, role, cookie: cookieOf(response) };
}

/**
 * The setup code that creates the owner of the studio on `databaseUrl`, as the studio's
 * start-up log shows it: derived from the secret the studio keeps in its database.
 */
export async function ownerSetupCodeOf(databaseUrl: string): Promise<string> {
  const { rows } = await withClient(databaseUrl, (client) => client.query<{ authSecret: string }>(`SELECT "authSecret" FROM "StudioSettings" WHERE id = 1`));
  if (!rows[0]) throw new Error("no studio has started on this database yet: it has no secret, so no setup code");
  return ownerSetupCode(rows[0].authSecret);
}

/** Creates a member with `role` and makes every later `call` theirs. */
export async function signInAs(databaseUrl: string, role: Role): Promise<TestMember> {
  const member = await createMember(databaseUrl, role);
  setSessionCookie(member.cookie);
  return member;
}

let lastIp = 0;

/** A client address no earlier call of this test file used: better-auth limits sign-ins per address. */
export function freshIp(): string {
  lastIp++;
  return `10.0.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`;
}

/** POST to one of better-auth's endpoints through the studio's catch-all route, as a browser at `ip` would. */
export async function authPost(path: string, body: unknown, { ip = freshIp(), cookie = "" } = {}): Promise<Response> {
  const { POST } = await import("@/app/api/auth/[...all]/route");
  return POST(
    new Request(`${STUDIO}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: STUDIO, "x-forwarded-for": ip, cookie },
      body: JSON.stringify(body),
    }),
  );
}

/** The session cookie a response sets, as a browser would send it back. */
export function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
}
