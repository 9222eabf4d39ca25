// The front door (scripts/front-door.mjs) over real HTTP, in front of a handler that echoes
// what reached it: forwarded headers only from trusted proxies, the studio answers only for
// its own address (DNS rebinding), and an honestly declared giant body is refused unread.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { admit, closeAfterUnreadBody, frontDoorSettings } from "@/scripts/front-door.mjs";

let server: Server | undefined;
let bodyBytesRead = 0;

async function startFrontDoor(environment: Record<string, string>): Promise<number> {
  const settings = frontDoorSettings(environment);
  server = createServer((request, response) => {
    if (!admit(request, response, settings)) return;
    request.on("data", (chunk: Buffer) => (bodyBytesRead += chunk.length));
    request.on("end", () => response.end(JSON.stringify(request.headers)));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
  bodyBytesRead = 0;
});

type Answer = { status: number; body: string };

/** A raw request (fetch would not let a test set Host), optionally declaring a body it never sends. */
function send(port: number, headers: Record<string, string>, method = "GET", path = "/api/x"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, method, path, headers, setHost: !("host" in headers) }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body }));
    });
    outgoing.on("error", reject);
    // A declared or chunked body is never sent: only a refusal unread can answer it.
    if (headers["content-length"] || headers["transfer-encoding"]) outgoing.flushHeaders();
    else outgoing.end();
  });
}

const FORGED = {
  "x-forwarded-for": "203.0.113.66",
  "x-forwarded-host": "localhost",
  "x-forwarded-proto": "https",
  forwarded: "for=203.0.113.66",
  "x-real-ip": "203.0.113.66",
};

describe("the front door", () => {
  it("drops the forwarded headers a client sends itself when no proxy is trusted", async () => {
    const port = await startFrontDoor({});
    const answer = await send(port, FORGED);
    expect(answer.status).toBe(200);
    const seen = JSON.parse(answer.body) as IncomingHttpHeaders;
    for (const name of Object.keys(FORGED)) expect(seen[name], name).toBeUndefined();
  });

  it("keeps them from a trusted proxy, and ignores them from a peer outside TRUSTED_PROXIES", async () => {
    const trusted = await startFrontDoor({ TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1" });
    expect(JSON.parse((await send(trusted, FORGED)).body)).toMatchObject({ "x-forwarded-for": "203.0.113.66", "x-forwarded-proto": "https" });
    await new Promise((resolve) => server!.close(resolve));

    const elsewhere = await startFrontDoor({ TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(JSON.parse((await send(elsewhere, FORGED)).body)["x-forwarded-for"]).toBeUndefined();
  });

  it("answers only for localhost, IP literals and STUDIO_URL's name, so a rebound DNS name is refused", async () => {
    const port = await startFrontDoor({});
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, "studio.localhost", "192.168.1.20:3000"]) {
      expect((await send(port, { host })).status, host).toBe(200);
    }
    const rebound = await send(port, { host: "attacker.example" });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body)).toEqual({ error: expect.stringContaining("set STUDIO_URL") });
    expect((await send(port, { host: "studio.example.com" })).status).toBe(421);
    for (const malformed of [`[::1]:${port}@attacker.example`, "[::1]attacker.example", "user@127.0.0.1", "127.0.0.1@attacker.example"]) {
      expect((await send(port, { host: malformed })).status, malformed).toBe(421);
    }
    await new Promise((resolve) => server!.close(resolve));

    const named = await startFrontDoor({ STUDIO_URL: "https://Studio.Example.com" });
    expect((await send(named, { host: "studio.example.com" })).status).toBe(200);
    expect((await send(named, { host: "studio.example.com:8443" })).status).toBe(200);
    expect((await send(named, { host: "evil.example" })).status).toBe(421);
  });

  it("checks the host a trusted proxy forwards, not its own upstream name", async () => {
    const port = await startFrontDoor({ TRUSTED_PROXIES: "127.0.0.1", STUDIO_URL: "https://studio.example.com" });
    expect((await send(port, { host: "studio-upstream:3000", "x-forwarded-host": "studio.example.com" })).status).toBe(200);
    expect((await send(port, { host: "127.0.0.1", "x-forwarded-host": "evil.example" })).status).toBe(421);
  });

  it("refuses an absolute request target, which would have Next.js redirect to the host it names", async () => {
    const port = await startFrontDoor({});
    expect((await send(port, { host: `127.0.0.1:${port}` }, "GET", "http://attacker.example/api/x")).status).toBe(400);
  });

  it("refuses any body to a page, chunked included, unread: only the API takes one", async () => {
    const port = await startFrontDoor({});
    const chunked = await send(port, { "content-type": "text/plain", "transfer-encoding": "chunked" }, "POST", "/library");
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toEqual({ error: "Only the studio's API takes a request body." });
    expect((await send(port, { "content-type": "text/plain", "content-length": "5" }, "POST", "/sign-in")).status).toBe(413);
    expect(bodyBytesRead).toBe(0);
    const page = await send(port, {}, "GET", "/library");
    expect(page.status).toBe(200);
  });

  it("closes a connection soon after a route answered without reading its body, however long the client holds it", async () => {
    server = createServer((request, response) => {
      closeAfterUnreadBody(request, response);
      // As a route past its body limit does: answer, leave the rest of the body unread.
      response.writeHead(413, { "content-type": "application/json" }).end(JSON.stringify({ error: "too large" }));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
    socket.write("POST /api/x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000\r\n\r\n" + "x".repeat(1000));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk));
    const closedAfterMs = await new Promise<number>((resolve) => {
      const started = Date.now();
      socket.on("close", () => resolve(Date.now() - started));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(closedAfterMs).toBeLessThan(3_000);
  });

  it("refuses a declared 100 MB body with 413 before reading any of it", async () => {
    const port = await startFrontDoor({});
    const answer = await send(port, { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) }, "POST");
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: "The request body is too large." });
    expect(bodyBytesRead).toBe(0);
  });
});
