// The studio's HTTP server, run inside the `npm start` process (scripts/start.mjs): Next.js
// behind the front door (front-door.mjs), and a clean stop on SIGTERM or SIGINT. One process
// holds the server, the worker and the embedded PostgreSQL's handle, so the signal a container
// runtime or a supervisor sends reaches all of it.
import { createServer } from "node:http";
import next from "next";
import { admit, closeAfterUnreadBody, frontDoorSettings, restoreDeclaredContentLength } from "./front-door.mjs";
import { listenOn } from "./web-port.mjs";

// Registered by lib/boot.ts once the studio is up: stops the work in this process in order.
const SHUTDOWN_HOOK = Symbol.for("venice-studio.shutdown");
const SIGNAL_HANDLER = Symbol.for("venice-studio.signal-handler");
// Called by instrumentation.ts once lib/boot.ts is done (the database, migrations, the worker).
const STARTED_HOOK = Symbol.for("venice-studio.started");
// Every process gone within 10 s of the signal, whatever hangs.
const STOP_DEADLINE_MS = 9_000;
// How long requests in progress get to finish before their connections are closed.
const REQUEST_DRAIN_MS = 4_000;
// Signals this soon after the first are the same one, delivered twice.
const REPEATED_SIGNAL_MS = 1_000;

/**
 * Serves the built studio on `hostname:port`; resolves once the studio is up. The port is
 * bound first: a taken one fails the start (a StartupError naming PORT) before the studio
 * boots anything, and "serving" is said only once it has booted.
 * @param {{ port: number, hostname: string }} address
 */
export async function serve({ port, hostname }) {
  /** @type {(serveRequest: (request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => void) => void} */
  let open = () => {};
  // Until the studio is up a request waits, as it would for Next.js's own start-up.
  const opened = new Promise((resolve) => (open = resolve));
  const server = createServer((request, response) => void opened.then((serveRequest) => serveRequest(request, response)));
  await listenOn(server, { port, hostname });

  process.env.NODE_ENV = "production";
  const started = new Promise((resolve) => (globalThis[STARTED_HOOK] = resolve));
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  stopOnSignals(server, app, started);
  const handle = app.getRequestHandler();
  // Next.js runs instrumentation.ts (lib/boot.ts) as it prepares, without waiting for it:
  // `started` is its word that the studio is up. A failed boot exits with its own message.
  await app.prepare();
  await started;
  // After boot, which has validated the environment the front door reads (lib/env.ts).
  const settings = frontDoorSettings(process.env);
  open((request, response) => {
    if (!admit(request, response, settings)) return;
    restoreDeclaredContentLength(response);
    closeAfterUnreadBody(request, response);
    void handle(request, response);
  });
  console.log(`Venice Studio is serving on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
}

/**
 * @param {import("node:http").Server} server
 * @param {ReturnType<typeof next>} app
 * @param {Promise<unknown>} started
 */
function stopOnSignals(server, app, started) {
  let stoppingSince = 0;
  for (const signal of ["SIGTERM", "SIGINT"]) {
    const onSignal = () => {
      if (stoppingSince) {
        // One Ctrl+C comes twice under `npm start`: from the terminal and forwarded by npm.
        // A signal after that means "now".
        if (Date.now() - stoppingSince > REPEATED_SIGNAL_MS) process.exit(1);
        return;
      }
      stoppingSince = Date.now();
      void stop(server, app, signal, started);
    };
    // lib/shutdown.ts removes every other handler of these signals (a library's that would exit at once).
    onSignal[SIGNAL_HANDLER] = true;
    process.on(signal, onSignal);
  }
}

// Exit 0 on SIGINT as on SIGTERM: the stop was asked for and went as it should. A shell's 130
// would have npm print "npm error … signal SIGINT" lines, and supervisors read 0 as a clean stop.
async function stop(server, app, signal, started) {
  console.log(`${signal}: stopping the studio…`);
  setTimeout(() => {
    console.error(`The studio did not stop within ${STOP_DEADLINE_MS / 1000} s; exiting anyway.`);
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  try {
    // A signal during start-up: the studio stops in order once it is up (boot cannot be cut short midway).
    await started;
    const shutdown = globalThis[SHUTDOWN_HOOK];
    await (shutdown ? shutdown(() => drainRequests(server)) : drainRequests(server));
    await app.close();
    console.log("The studio stopped cleanly.");
    process.exit(0);
  } catch (error) {
    console.error(`Stopping the studio failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** Takes no new connections, lets requests in progress finish, then closes what is left. */
function drainRequests(server) {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cutOff = setTimeout(() => server.closeAllConnections(), REQUEST_DRAIN_MS);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cutOff);
      resolve(undefined);
    });
    server.closeIdleConnections();
  });
}
