// Behind a load balancer, X-Forwarded-For holds a chain; the per-IP sign-in limit must key on
// the client's address in it, not on whatever a client writes at the start of the chain.
import { beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from "@/lib/auth/auth";
import { createMember, type TestMember } from "../support/members";
import { STUDIO } from "../support/routes";
import { setUpStudio } from "../support/studio-harness";

const PROXY = "10.0.0.5";
const studio = setUpStudio({ env: { TRUSTED_PROXIES: `${PROXY}, 10.9.0.0/16` } });
let member: TestMember;

beforeAll(async () => {
  await createMember(studio.database.url, "owner", "Olive Owner");
  member = await createMember(studio.database.url, "member", "Mo Member");
});

async function signIn(forwardedFor: string, email = member.email): Promise<Response> {
  const { POST } = await import("@/app/api/auth/[...all]/route");
  return POST(
    new Request(`${STUDIO}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: STUDIO, "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ email, password: "not the password" }),
    }),
  );
}

describe("TRUSTED_PROXIES", () => {
  it("limits a client by its address in the chain, however it varies the addresses it forges before it", async () => {
    const client = "203.0.113.9";
    for (let attempt = 1; attempt <= SIGN_IN_ATTEMPTS_PER_MINUTE; attempt++) {
      // Each attempt from another "account" so that only the per-IP limit can refuse it.
      const wrong = await signIn(`198.18.0.${attempt}, ${client}, ${PROXY}`, `nobody.${attempt}@studio.test`);
      expect(wrong.status, `attempt ${attempt}`).toBe(401);
    }
    expect((await signIn(`198.18.1.1, ${client}, 10.9.3.4`, "nobody.else@studio.test")).status).toBe(429);
    // Another client behind the same proxy is not affected.
    expect((await signIn(`${client}, 203.0.113.10, ${PROXY}`)).status).toBe(401);
  });
});
