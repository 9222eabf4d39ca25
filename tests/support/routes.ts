// Calls an exported route handler the way Next.js does: a real Request and a params promise,
// sent as a browser on the studio's own page would (Origin set, the signed-in member's
// session cookie, see signInAs in ./members.ts).

type Handler<Params> = (request: Request, segment: { params: Promise<Params> }) => Promise<Response>;

export const STUDIO = "http://studio.test";

let sessionCookie: string | undefined;

/** Every later call carries this session cookie; undefined calls anonymously. */
export function setSessionCookie(cookie: string | undefined): void {
  sessionCookie = cookie;
}

export function call<Params>(handler: Handler<Params>, path: string, init: RequestInit = {}, params?: Params): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("origin")) headers.set("origin", STUDIO);
  if (sessionCookie && !headers.has("cookie")) headers.set("cookie", sessionCookie);
  return handler(new Request(`${STUDIO}${path}`, { ...init, headers }), { params: Promise.resolve(params ?? ({} as Params)) });
}

export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}
