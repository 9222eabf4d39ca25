// Accounts for tests, made through better-auth's own sign-up on the test's database: the
// first becomes the owner (the studio's rule); the others are members whose role is then set.
import pg from "pg";
import type { Role } from "@/lib/api/member";
import { STUDIO, useSession } from "./routes";

export type TestMember = { id: string; email: string; role: Role; cookie: string };

export const TEST_PASSWORD = "correct horse battery";

let count = 0;

/** A new account with `role`, signed in; `databaseUrl` is the test file's database. */
export async function createMember(databaseUrl: string, role: Role, name = `${role} ${++count}`): Promise<TestMember> {
  const { auth } = await import("@/lib/auth/auth");
  const email = `${name.replace(/\W+/g, ".").toLowerCase()}.${Date.now()}.${count}@studio.test`;
  await withClient(databaseUrl, (client) =>
    client.query(`INSERT INTO "StudioSettings" (id, "authSecret", "openSignUp", "updatedAt") VALUES (1, 'test-secret-test-secret-test-secret!', true, now())
                  ON CONFLICT (id) DO UPDATE SET "openSignUp" = true`),
  );
  const response = await (await auth()).api.signUpEmail({
    body: { name, email, password: TEST_PASSWORD },
    headers: new Headers({ origin: STUDIO }),
    asResponse: true,
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  await withClient(databaseUrl, (client) => client.query(`UPDATE "user" SET role = $1 WHERE id = $2`, [role, user.id]));
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  return { id: user.id, email, role, cookie };
}

/** Creates a member with `role` and makes every later `call` theirs. */
export async function signInAs(databaseUrl: string, role: Role): Promise<TestMember> {
  const member = await createMember(databaseUrl, role);
  useSession(member.cookie);
  return member;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
