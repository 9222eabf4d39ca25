import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isServedOverHttps, newNonce, withTransportSecurity } from "@/lib/api/security-headers";

// Every page gets a Content-Security-Policy with a nonce of its own. Next.js reads the nonce
// from the request's CSP header while rendering and puts it on every script it writes, so no
// other inline script runs. Pages are rendered per request (app/layout.tsx), as nonces need.
export function proxy(request: NextRequest): NextResponse {
  const https = isServedOverHttps(request);
  const policy = contentSecurityPolicy(newNonce(), https);
  // Replaces any CSP header the client sent: a page never renders with a nonce the client chose.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  withTransportSecurity(response, request);
  return response;
}

export const config = {
  matcher: [
    // Pages only: not the API (JSON and audio; a proxy would buffer their request bodies),
    // Next's static files and images, nor files such as /icon.svg (a name with an extension).
    "/((?!api(?:/|$)|_next/static/|_next/image|.*\\.[A-Za-z0-9]+$).*)",
  ],
};
