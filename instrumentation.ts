// Tells the HTTP server (scripts/server.mjs) the studio is up: it says "serving" only then.
const STARTED_HOOK = Symbol.for("venice-studio.started");

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("@/lib/boot");
    // Exits the process, with a line saying why, when the studio cannot start.
    await boot();
    (globalThis as Record<symbol, (() => void) | undefined>)[STARTED_HOOK]?.();
  }
}
