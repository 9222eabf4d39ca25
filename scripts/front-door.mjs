// What every request meets before Next.js sees it (scripts/server.mjs): the checks that need
// the raw connection, which a route handler never has. Plain Node so that start.mjs can run
// it without a build step; tests/security/front-door.test.ts drives it over real HTTP.
import { BlockList, isIP } from "node:net";

// Far above any JSON body the studio takes (its routes refuse more than tens of KB while
// streaming, lib/api/input.ts); this turns away an honest giant upload before a byte is read.
export const MAX_DECLARED_BODY_BYTES = 1024 * 1024;

// Only a trusted proxy may say who the client is, which host it asked for and over which
// protocol. From anyone else these are forgeries: Next.js keeps a client's own header and
// fills in the real socket address only when the header is absent.
const FORWARDED_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];

/**
 * The front door's settings from the environment (already validated by lib/env.ts at boot):
 * TRUSTED_PROXIES as a BlockList of addresses and ranges, STUDIO_URL's hostname.
 * @param {Record<string, string | undefined>} source
 */
export function frontDoorSettings(source) {
  const proxies = new BlockList();
  let trustsProxies = false;
  for (const entry of (source.TRUSTED_PROXIES ?? "").split(",").map((item) => item.trim()).filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) proxies.addAddress(address, type);
    else proxies.addSubnet(address, Number(prefix), type);
    trustsProxies = true;
  }
  const studioUrl = source.STUDIO_URL?.trim();
  return { proxies, trustsProxies, studioHostname: studioUrl ? new URL(studioUrl).hostname.toLowerCase() : undefined };
}

/** @typedef {ReturnType<typeof frontDoorSettings>} FrontDoorSettings */

/**
 * Checks a request; answers it and returns false when it must not reach the studio.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {FrontDoorSettings} settings
 */
export function admit(request, response, settings) {
  const fromTrustedProxy = isTrustedPeer(request.socket.remoteAddress, settings);
  if (!fromTrustedProxy) for (const name of FORWARDED_HEADERS) delete request.headers[name];

  const host = requestedHost(request, fromTrustedProxy);
  if (!host) return refuse(response, 400, "The request has no Host header.");
  if (!isStudioHost(host, settings)) {
    return refuse(
      response,
      421,
      `This studio does not answer for the address "${host.slice(0, 100)}". If that is the studio's address, set STUDIO_URL to it.`,
    );
  }
  // Browsers send origin-form targets only; an absolute one (`GET http://elsewhere/`) would
  // have Next.js redirect to whatever host it names.
  if (!request.url?.startsWith("/")) return refuse(response, 400, "The request target must be a path.");
  const declared = Number(request.headers["content-length"] ?? 0);
  const hasBody = declared > 0 || request.headers["transfer-encoding"] !== undefined;
  if (hasBody && !request.url.startsWith("/api/")) {
    // Pages take no body (the studio has no server actions), and Next.js's proxy would buffer one.
    return refuse(response, 413, "Only the studio's API takes a request body.");
  }
  if (declared > MAX_DECLARED_BODY_BYTES) return refuse(response, 413, "The request body is too large.");
  return true;
}

// How long a connection stays open after its answer when the request's body was not read.
const UNREAD_BODY_LINGER_MS = 1_000;

/**
 * A route that answered without reading the whole body (a 413 past the limit, a 401) leaves
 * the connection waiting on the rest of it, for as long as the client cares to hold it open.
 * The rest is discarded for a moment, so the client can read the answer, then it closes.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 */
export function closeAfterUnreadBody(request, response) {
  response.once("finish", () => {
    if (request.complete) return;
    request.resume();
    setTimeout(() => request.socket.destroy(), UNREAD_BODY_LINGER_MS).unref();
  });
}

// Next.js drops Content-Length from every route handler's Response (the body may have been
// decoded on its way), so a streamed track would go out chunked and no player could show its
// size or progress. The audio routes declare the length in this header of their own too
// (lib/api/tracks/content-length.ts); it becomes Content-Length when the head is written.
const DECLARED_LENGTH = "x-studio-content-length";

/**
 * Makes this response's head carry the length its route declared, unless something else
 * framed the body (a length, an encoding).
 * @param {import("node:http").ServerResponse} response
 */
export function restoreDeclaredContentLength(response) {
  const writeHead = response.writeHead;
  // Node's implicit head (a first write without writeHead) goes through this too.
  response.writeHead = function (...args) {
    const declared = response.getHeader(DECLARED_LENGTH);
    if (declared !== undefined) {
      response.removeHeader(DECLARED_LENGTH);
      const framed = ["content-length", "content-encoding", "transfer-encoding"].some((name) => response.hasHeader(name));
      if (!framed && typeof declared === "string" && /^\d+$/.test(declared)) response.setHeader("content-length", declared);
    }
    return writeHead.apply(this, args);
  };
}

/**
 * @param {string | undefined} address
 * @param {FrontDoorSettings} settings
 */
function isTrustedPeer(address, settings) {
  if (!settings.trustsProxies || !address) return false;
  // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
  const plain = address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  return settings.proxies.check(plain, isIP(plain) === 6 ? "ipv6" : "ipv4");
}

/**
 * The host the client asked for: the proxy's X-Forwarded-Host behind a trusted proxy, else Host.
 * @param {import("node:http").IncomingMessage} request
 * @param {boolean} fromTrustedProxy
 */
function requestedHost(request, fromTrustedProxy) {
  const forwarded = fromTrustedProxy ? request.headers["x-forwarded-host"] : undefined;
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || request.headers.host;
  return host?.trim().toLowerCase() || undefined;
}

/**
 * DNS rebinding points an attacker's name at the studio: the browser then sends that name as
 * Host. So the studio answers only for its own name (STUDIO_URL), for localhost, and for IP
 * literals, which no attacker's page can be served from.
 * @param {string} host `name`, `name:port`, `[v6]` or `[v6]:port`
 * @param {FrontDoorSettings} settings
 */
function isStudioHost(host, settings) {
  // A name or [IPv6], then an optional port: nothing else (no userinfo, no text after "]").
  const parsed = /^(?:\[([0-9a-f:.]+)\]|([^[\]:@/\\\s]+))(?::\d{1,5})?$/.exec(host);
  if (!parsed) return false;
  const hostname = parsed[1] ?? parsed[2] ?? "";
  if (hostname === settings.studioHostname) return true;
  if (hostname === "localhost" || hostname.endsWith(".localhost")) return true;
  return isIP(hostname) !== 0;
}

/**
 * @param {import("node:http").ServerResponse} response
 * @param {number} status
 * @param {string} error
 */
function refuse(response, status, error) {
  // The body, if any, is not read: the connection closes after the answer.
  response.writeHead(status, { "content-type": "application/json", connection: "close" });
  response.end(JSON.stringify({ error }));
  return false;
}
