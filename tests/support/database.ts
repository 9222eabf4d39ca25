import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { applyMigrations } from "../../lib/db/migrate";
import { withClient } from "./with-client";

export type TestDatabase = { url: string; drop(): Promise<void> };

/** A fresh, empty database on the run's PostgreSQL server. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/** A fresh database migrated by the studio's own runner. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  await applyMigrations(database.url);
  return database;
}
