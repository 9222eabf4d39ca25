import { ApiError } from "@/lib/errors";
import { isServedOverHttps } from "@/lib/api/security-headers";
import { authErrorResponse, boundedAuthRequest } from "@/lib/api/auth/account-fields";
import { auth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

// better-auth's own endpoints (sign-up, sign-in, sign-out, get-session, change-password),
// validated and rate-limited by better-auth itself, once the body is within the studio's
// limit and the account's text fields are storable (account-fields.ts).
async function handle(request: Request): Promise<Response> {
  try {
    return secureCookiesOverHttps(request, await (await auth()).handler(await boundedAuthRequest(request)));
  } catch (error) {
    if (error instanceof ApiError) return authErrorResponse(error);
    throw error;
  }
}

/**
 * Over HTTPS through a trusted proxy (STUDIO_URL unset), better-auth, which decides Secure from
 * STUDIO_URL once (lib/auth/auth.ts), does not know the browser is on HTTPS: mark its cookies here.
 */
function secureCookiesOverHttps(request: Request, response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (cookies.length === 0 || !isServedOverHttps(request)) return response;
  response.headers.delete("set-cookie");
  for (const cookie of cookies) response.headers.append("set-cookie", /;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`);
  return response;
}

export { handle as GET, handle as POST };
