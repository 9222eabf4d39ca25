// A route handler over real HTTP, its answer written the way the studio's server writes a
// route handler's Response: through Next.js's own sendResponse (which, among other things,
// drops the Response's Content-Length), on a response the front door prepared
// (scripts/front-door.mjs). For what only shows on the wire, without a build.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { NodeNextRequest, NodeNextResponse } from "next/dist/server/base-http/node";
import { sendResponse } from "next/dist/server/send-response";
import { restoreDeclaredContentLength } from "@/scripts/front-door.mjs";

type Handler<Params> = (request: Request, segment: { params: Promise<Params> }) => Promise<Response>;

export type HttpRoute = { url: string; close(): Promise<void> };

/** Serves `handler` on a loopback port; `params` are its path's dynamic segments. */
export async function serveOverHttp<Params>(handler: Handler<Params>, params: Params): Promise<HttpRoute> {
  const server = createServer((incoming, outgoing) => {
    restoreDeclaredContentLength(outgoing);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      for (const item of [value ?? []].flat()) headers.append(name, item);
    }
    const request = new Request(`http://${incoming.headers.host}${incoming.url}`, { method: incoming.method, headers });
    handler(request, { params: Promise.resolve(params) })
      .then((response) => sendResponse(new NodeNextRequest(incoming), new NodeNextResponse(outgoing), response))
      .catch((error: unknown) => outgoing.destroy(error as Error));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
