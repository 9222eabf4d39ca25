// Writes a new migration offline: `npm run db:migration -- <name>`; without a name it only
// prints the pending SQL. prisma/migrations/schema.snapshot.prisma keeps the schema as the
// migrations leave it, so the diff is snapshot → prisma/schema.prisma.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR } from "../lib/db/migrate";
import { diffSchemas } from "./prisma6-diff";

const SCHEMA = path.join(process.cwd(), "prisma", "schema.prisma");
const SNAPSHOT = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");

async function main(name: string | undefined) {
  const sql = await diffSchemas(existsSync(SNAPSHOT) ? SNAPSHOT : "empty", SCHEMA);
  const pending = !/^\s*(-- This is an empty migration\.)?\s*$/.test(sql);
  if (!name) {
    process.stdout.write(pending ? sql : "-- schema.prisma matches the migrations\n");
    return;
  }
  if (!pending) throw new Error("Nothing to migrate: schema.prisma matches the migrations");
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Migration name: lower-case letters, digits and _ only");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  copyFileSync(SCHEMA, SNAPSHOT);
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
