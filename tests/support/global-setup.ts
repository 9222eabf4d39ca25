import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded";

// One real PostgreSQL server for the whole run; each test file makes its own throwaway
// database on it (tests/support/database.ts).
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-test-pg-"));
  const port = 30000 + Math.floor(Math.random() * 20000);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port });
  project.provide("pgAdminUrl", server.url);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
