import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { ensureDatabase } from "@/lib/db/database";
import { processSingleton } from "@/lib/process-singleton";

// A database that stops answering (frozen, or gone without closing its connections) must
// fail requests, not hang them: no connection (or free pool slot) within 5 s fails, the
// server cancels a statement after 20 s, and the client stops waiting for an answer after
// 25 s. The studio's queries take milliseconds (bench/library.ts), but a submit may wait up
// to 15 s for the spend-cap locks (lib/generations/submit.ts); migrations use their own
// connection (migrate.ts).
const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 20_000;
const ANSWER_TIMEOUT_MS = 25_000;

/** The Prisma client, after the database is started and migrated. */
export function db(): Promise<PrismaClient> {
  return processSingleton("prisma", async () => {
    const connectionString = await ensureDatabase();
    const adapter = new PrismaPg({
      connectionString,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: ANSWER_TIMEOUT_MS,
      keepAlive: true,
    });
    return new PrismaClient({ adapter });
  });
}

/**
 * Whether the database answers a trivial query within `timeoutMs` (the health check). The
 * deadline starts once the database is up: at start-up, boot() waits for that first.
 */
export async function databaseAnswers(timeoutMs: number): Promise<boolean> {
  const prisma = await db();
  const ping = Promise.resolve(prisma.$queryRaw`SELECT 1`).then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([ping, deadline]);
  } finally {
    clearTimeout(timer);
    // A ping that loses the race settles later (query_timeout at the latest), unheard.
    ping.catch(() => {});
  }
}
