// A test that runs the studio under several settings in one file: lib/env.ts reads the
// environment once per module instance, and better-auth reads its cookie settings once, when the
// studio's instance is made (kept per process by lib/process-singleton.ts).
import { vi } from "vitest";

/**
 * Sets these variables (undefined unsets one); the studio modules a test imports next read
 * them, and the next auth() call makes a new better-auth instance. The database stays.
 */
export function setStudioEnv(variables: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("venice-studio.auth")];
}
