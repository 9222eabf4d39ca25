// A session on a studio running as a real server: an account made through its own sign-up
// endpoint (on a fresh studio the first one is the owner, with the setup code the studio
// derives from the secret in its database), as a browser on the studio's page.
import { cookieOf, ownerSetupCodeOf, TEST_PASSWORD } from "./members";

/** Signs up `email` on the studio at `url` (its database: `databaseUrl`) and returns the session cookie to send. */
export async function signUpOverHttp(url: string, databaseUrl: string, email = `owner.${Date.now()}@studio.test`): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ name: "Test Owner", email, password: TEST_PASSWORD, setupCode: await ownerSetupCodeOf(databaseUrl) }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return cookieOf(response);
}
