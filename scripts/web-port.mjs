// The studio's web address (PORT, HOST) and what to say when it cannot be had. start.mjs checks
// it before anything slow (an install, a build); server.mjs binds it before the studio boots, so
// a taken port stops the start before a database or a worker is up, with one line naming PORT
// (as a taken EMBEDDED_PG_PORT does, lib/db/embedded.ts). Plain Node: runs before any build.
import { createServer } from "node:net";

/** A problem with the start-up settings: its message is the one line to print before exiting. */
export class StartupError extends Error {
  name = "StartupError";
}

const DEFAULT_PORT = 3000;

/**
 * The address to serve on, from PORT (default 3000) and HOST (default every interface).
 * @param {Record<string, string | undefined>} source
 */
export function webAddress(source) {
  const text = source.PORT?.trim() || String(DEFAULT_PORT);
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new StartupError(`PORT must be a port number from 1 to 65535, not "${text.slice(0, 40)}" (unset it for ${DEFAULT_PORT}).`);
  }
  return { port, hostname: source.HOST?.trim() || "0.0.0.0" };
}

/**
 * Binds `server` to the address; rejects with a StartupError that says which variable to change.
 * @param {import("node:net").Server} server
 * @param {{ port: number, hostname: string }} address
 * @returns {Promise<void>}
 */
export function listenOn(server, { port, hostname }) {
  return new Promise((resolve, reject) => {
    const onError = (/** @type {NodeJS.ErrnoException} */ error) => reject(new StartupError(listenProblem(error, { port, hostname })));
    server.once("error", onError);
    server.listen(port, hostname, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

/**
 * Fails fast, before a build of minutes, when the address cannot be had: binds it once and lets go.
 * @param {{ port: number, hostname: string }} address
 */
export async function checkWebAddress(address) {
  const probe = createServer();
  await listenOn(probe, address);
  await new Promise((resolve) => probe.close(resolve));
}

/**
 * @param {NodeJS.ErrnoException} error
 * @param {{ port: number, hostname: string }} address
 */
function listenProblem(error, { port, hostname }) {
  const other = port < 65535 ? port + 1 : DEFAULT_PORT;
  switch (error.code) {
    case "EADDRINUSE":
      return `Venice Studio could not start on port ${port}: another program is using it (another studio?). Set PORT to a free port, e.g. PORT=${other} npm start`;
    case "EACCES":
      return `Venice Studio may not listen on port ${port} (ports below 1024 need extra privileges). Set PORT to a port from 1024 up, e.g. PORT=${DEFAULT_PORT} npm start`;
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Venice Studio could not listen on HOST=${hostname}: this machine has no such address. Set HOST to one of its addresses, or unset it to listen on all of them.`;
    default:
      return `Venice Studio could not listen on ${hostname}:${port} (${error.code ?? error.message}). Check PORT and HOST.`;
  }
}
