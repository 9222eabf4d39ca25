// The studio's HTTP server, run inside the `npm start` process (scripts/start.mjs): Next.js
// behind the front door (front-door.mjs), and a clean stop on SIGTERM or SIGINT. One process
// holds the server, the worker and the embedded PostgreSQL's handle, so the signal a container
// runtime or a supervisor sends reaches all of it.
import { createServer } from "node:http";
import next from "next";
import { admit, closeAfterUnreadBody, frontDoorSettings, restoreDeclaredContentLength } from "./front-door.mjs";

// Registered by lib/boot.ts once the studio is up: stops the work in this process in order.
const SHUTDOWN_HOOK = Symbol.for("venice-studio.shutdown");
const SIGNAL_HANDLER = Symbol.for("venice-studio.signal-handler");
// Every process gone within 10 s of the signal, whatever hangs.
const STOP_DEADLINE_MS = 9_000;
// How long requests in progress get to finish before their connections are closed.
const REQUEST_DRAIN_MS = 4_000;

/** Serves the built studio on `hostname:port`; resolves once it listens. */
export async function serve({ port, hostname }) {
  process.env.NODE_ENV = "production";
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  // Runs instrumentation.ts: the database, migrations, the worker (lib/boot.ts).
  await app.prepare();
  const settings = frontDoorSettings(process.env);
  const server = createServer((request, response) => {
    if (!admit(request, response, settings)) return;
    restoreDeclaredContentLength(response);
    closeAfterUnreadBody(request, response);
    void handle(request, response);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve(undefined));
  });
  console.log(`Venice Studio is serving on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);

  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"]) {
    const onSignal = () => {
      // A second signal means "now".
      if (stopping) process.exit(1);
      stopping = true;
      void stop(server, app, signal);
    };
    // lib/shutdown.ts removes every other handler of these signals (a library's that would exit at once).
    onSignal[SIGNAL_HANDLER] = true;
    process.on(signal, onSignal);
  }
}

async function stop(server, app, signal) {
  console.log(`${signal}: stopping the studio…`);
  setTimeout(() => {
    console.error(`The studio did not stop within ${STOP_DEADLINE_MS / 1000} s; exiting anyway.`);
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  try {
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
