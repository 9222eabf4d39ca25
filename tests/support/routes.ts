// Calls an exported route handler the way Next.js does: a real Request and a params promise.

type Handler<Params> = (request: Request, segment: { params: Promise<Params> }) => Promise<Response>;

export const STUDIO = "http://studio.test";

export function call<Params>(handler: Handler<Params>, path: string, init: RequestInit = {}, params?: Params): Promise<Response> {
  return handler(new Request(`${STUDIO}${path}`, init), { params: Promise.resolve(params ?? ({} as Params)) });
}

export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}
