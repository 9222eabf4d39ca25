import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "../../lib/db/migrate";
import { diffSchemas } from "../../scripts/prisma6-diff";
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from "../support/database";
import { withClient } from "../support/with-client";
import { seedLegacyTrack } from "../support/library";

const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((db) => db.drop())));

async function track(database: Promise<TestDatabase>) {
  const db = await database;
  databases.push(db);
  return db;
}

/** Everything about a database's shape that Prisma's schema decides. */
async function describeSchema(url: string) {
  return withClient(url, async (client) => {
    const query = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns: await query(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
          character_maximum_length, numeric_precision, numeric_scale
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      indexes: await query(`SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`),
      constraints: await query(`SELECT conrelid::regclass::text AS table_name, conname, contype, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
        ORDER BY conname`),
      extensions: await query(`SELECT extname FROM pg_extension ORDER BY extname`),
      enums: await query(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`),
    };
  });
}

describe("migration runner", () => {
  it("gives a fresh database exactly the shape of prisma/schema.prisma", async () => {
    const migrated = await track(createTestDatabase());
    const reference = await track(createEmptyDatabase());
    // Prisma's own SQL for building schema.prisma from nothing is the reference shape.
    const sql = await diffSchemas("empty", path.join(process.cwd(), "prisma", "schema.prisma"));
    // Prisma's diff leaves extensions out; the migrations create them (pg_trgm for search).
    await withClient(reference.url, (client) => client.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm;\n${sql}`));

    const expected = await describeSchema(reference.url);
    expect(expected.columns.length).toBeGreaterThan(10);
    expect(await describeSchema(migrated.url)).toEqual(expected);
  });

  it("makes the studio's one settings row, each database with a secret of its own", async () => {
    const secrets = [];
    for (const db of [await track(createTestDatabase()), await track(createTestDatabase())]) {
      const { rows } = await withClient(db.url, (client) => client.query(`SELECT id, "authSecret", "openSignUp" FROM "StudioSettings"`));
      expect(rows).toEqual([{ id: 1, authSecret: expect.stringMatching(/^[0-9a-f]{64}$/), openSignUp: false }]);
      secrets.push(rows[0].authSecret);
    }
    expect(new Set(secrets).size).toBe(2);
  });

  it("records applied migrations the way Prisma does and applies nothing twice", async () => {
    const db = await track(createEmptyDatabase());
    const migrations = readMigrations();
    expect(await applyMigrations(db.url)).toEqual(migrations.map((m) => m.name));
    expect(await applyMigrations(db.url)).toEqual([]);

    const rows = await withClient(db.url, async (client) =>
      (await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`)).rows,
    );
    expect(rows).toHaveLength(migrations.length);
    for (const [i, migration] of migrations.entries()) {
      const sql = await import("node:fs").then((fs) => fs.readFileSync(path.join(MIGRATIONS_DIR, migration.name, "migration.sql")));
      expect(rows[i].migration_name).toBe(migration.name);
      expect(rows[i].checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(rows[i].finished_at).toBeInstanceOf(Date);
      expect(rows[i].applied_steps_count).toBe(1);
    }
  });

  it("lets two instances start at once without applying a migration twice", async () => {
    const db = await track(createEmptyDatabase());
    const [first, second] = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
    expect([...first, ...second].sort()).toEqual(readMigrations().map((m) => m.name));
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const db = await track(createEmptyDatabase());
    const dir = mkdtempSync(path.join(tmpdir(), "studio-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    await applyMigrations(db.url, dir);
    const first = readMigrations(dir)[0]!;
    writeFileSync(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited`);
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/edited after it was applied/);
  });

  it("revokes the live share links of members removed before removal revoked them", async () => {
    const db = await track(createEmptyDatabase());
    // The studio as it was just before that migration, with a removed member's links still live.
    const before = mkdtempSync(path.join(tmpdir(), "studio-migrations-"));
    const migrations = readMigrations();
    const fix = migrations.findIndex((migration) => migration.name.endsWith("_track_deleted_by_orphan_links"));
    for (const { name } of migrations.slice(0, fix)) cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
    await applyMigrations(db.url, before);
    const links = await withClient(db.url, async (client) => {
      await client.query(`INSERT INTO "user" (id, name, email, "updatedAt") VALUES ('still-here', 'Still Here', 'here@studio.test', now())`);
      const track = await seedLegacyTrack(client, { creatorId: "still-here" });
      const insert = async (createdById: string, revokedAt: Date | null) =>
        (
          await client.query<{ id: string }>(
            `INSERT INTO "ShareLink" (id, "tokenHash", "trackId", "createdById", "revokedAt") VALUES (gen_random_uuid(), md5(random()::text), $1, $2, $3) RETURNING id`,
            [track.id, createdById, revokedAt],
          )
        ).rows[0]!.id;
      const revokedLongAgo = new Date("2026-01-01T00:00:00Z");
      return { kept: await insert("still-here", null), orphaned: await insert("long-gone", null), alreadyRevoked: await insert("long-gone", revokedLongAgo) };
    });

    await applyMigrations(db.url);
    const revokedAt = await withClient(db.url, async (client) => {
      const { rows } = await client.query<{ id: string; revokedAt: Date | null }>(`SELECT id, "revokedAt" FROM "ShareLink"`);
      return new Map(rows.map((row) => [row.id, row.revokedAt]));
    });
    expect(revokedAt.get(links.kept)).toBeNull();
    expect(revokedAt.get(links.orphaned)).toBeInstanceOf(Date);
    expect(revokedAt.get(links.alreadyRevoked)).toEqual(new Date("2026-01-01T00:00:00Z"));
  });

  it("rolls back a failing migration and leaves no finished row", async () => {
    const db = await track(createEmptyDatabase());
    const dir = mkdtempSync(path.join(tmpdir(), "studio-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "99999999999999_broken");
    await import("node:fs").then((fs) => fs.mkdirSync(broken));
    writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "Partial" (id int);\nSELECT no_such_function();`);
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/99999999999999_broken failed/);
    const partial = await withClient(db.url, async (client) =>
      (await client.query(`SELECT to_regclass('public."Partial"') AS t`)).rows[0].t,
    );
    expect(partial).toBeNull();
  });
});
