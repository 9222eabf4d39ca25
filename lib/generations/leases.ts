import { Prisma, type Generation, type PrismaClient } from "@/lib/db/generated/client";
import { RELEASED } from "./job-updates";
import { isProcessAlive } from "@/lib/process-alive";
import { ACTIVE_STATUSES } from "./state-machine";

// Which worker looks after which job. A worker claims due jobs by writing its name and an
// expiry into them; FOR UPDATE SKIP LOCKED lets several workers (in several instances)
// claim at once without waiting on or taking each other's jobs. A worker that dies simply
// stops renewing: once its lease expires, the job is due again for everyone.
//
// Generation's timestamps are `timestamp without time zone` holding UTC (as Prisma writes
// them), so the database clock is read as UTC here.
const NOW_UTC = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
const ACTIVE = Prisma.join(ACTIVE_STATUSES.map((status) => Prisma.sql`${status}::"GenerationStatus"`));

export async function claimDueJobs(
  prisma: PrismaClient,
  { owner, limit, leaseMs }: { owner: string; limit: number; leaseMs: number },
): Promise<Generation[]> {
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "Generation"
    SET "leaseOwner" = ${owner},
        "leaseExpiresAt" = ${NOW_UTC} + ${leaseMs}::float8 * interval '1 millisecond',
        "updatedAt" = ${NOW_UTC}
    WHERE id IN (
      SELECT id FROM "Generation"
      WHERE status IN (${ACTIVE})
        AND "nextAttemptAt" <= ${NOW_UTC}
        AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${NOW_UTC})
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  if (claimed.length === 0) return [];
  const jobs = await prisma.generation.findMany({ where: { id: { in: claimed.map((row) => row.id) } } });
  return jobs.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
}

/** Ms until the next job becomes due (its time has come and no live lease holds it), or null when none is active. */
export async function msUntilNextDue(prisma: PrismaClient): Promise<number | null> {
  const [next] = await prisma.$queryRaw<{ ms: number | null }[]>`
    SELECT (EXTRACT(EPOCH FROM (MIN(GREATEST("nextAttemptAt", COALESCE("leaseExpiresAt", "nextAttemptAt"))) - ${NOW_UTC})) * 1000)::float8 AS ms
    FROM "Generation" WHERE status IN (${ACTIVE})`;
  return next?.ms ?? null;
}

/** Keeps a job this worker is still working on from being claimed by another. */
export async function renewLease(prisma: PrismaClient, id: string, owner: string, leaseMs: number): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "Generation" SET "leaseExpiresAt" = ${NOW_UTC} + ${leaseMs}::float8 * interval '1 millisecond'
    WHERE id = ${id}::uuid AND "leaseOwner" = ${owner}`;
}

/** Frees every lease `owner` holds (a worker stopping before its steps finished); returns how many. */
export async function releaseLeases(prisma: PrismaClient, owner: string): Promise<number> {
  const released = await prisma.generation.updateMany({ where: { leaseOwner: owner }, data: RELEASED });
  return released.count;
}

/**
 * Frees the leases of workers that ran on this host and are gone (a crash or kill -9), so a
 * restarted studio resumes their jobs at once instead of when the leases run out. Owner
 * names are "hostname:pid:random"; a worker is gone when its process is not running, or
 * when it claims this very process but is not one of `liveOwners` (a container restarted
 * under the same pid). Leases of other hosts are left to expire.
 */
export async function releaseLeasesOfGoneLocalWorkers(
  prisma: PrismaClient,
  host: string,
  liveOwners: ReadonlySet<string>,
): Promise<number> {
  const holders = await prisma.generation.findMany({
    where: { leaseOwner: { startsWith: `${host}:` }, leaseExpiresAt: { not: null } },
    distinct: ["leaseOwner"],
    select: { leaseOwner: true },
  });
  const gone = holders
    .map((holder) => holder.leaseOwner!)
    .filter((owner) => !liveOwners.has(owner) && !isRunningElsewhereHere(owner));
  if (gone.length === 0) return 0;
  const released = await prisma.generation.updateMany({ where: { leaseOwner: { in: gone } }, data: RELEASED });
  return released.count;
}

function isRunningElsewhereHere(owner: string): boolean {
  const pid = Number(owner.split(":").at(-2));
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isProcessAlive(pid);
}
