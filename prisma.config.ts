import { defineConfig } from "prisma/config";

// The studio applies migrations itself (lib/db/migrate.ts); this config serves
// `prisma generate` and, on a machine with internet, `prisma migrate status`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/venice_studio" },
});
