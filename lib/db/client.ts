import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { ensureDatabase } from "@/lib/db/database";
import { processSingleton } from "@/lib/process-singleton";

/** The Prisma client, after the database is started and migrated. */
export function db(): Promise<PrismaClient> {
  return processSingleton("prisma", async () => {
    const connectionString = await ensureDatabase();
    return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  });
}
