import { auth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

// better-auth's own endpoints (sign-up, sign-in, sign-out, get-session, change-password),
// validated and rate-limited by better-auth itself.
async function handle(request: Request): Promise<Response> {
  return (await auth()).handler(request);
}

export { handle as GET, handle as POST };
