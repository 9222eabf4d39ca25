import "server-only";
import { db } from "@/lib/db/client";

/**
 * Makes `track` its batch's keeper (`kept`) or not. Keeping is one statement over every take of
 * the batch (deleted ones too, so a restore cannot bring back a second keeper): two keeps at
 * once lock the same rows, the later one waits and then rewrites them, so one keeper is left.
 * Un-keeping clears this take only: the batch has no keeper once its keeper is cleared.
 */
export async function setKeeper(track: { id: string; batchId: string }, kept: boolean): Promise<void> {
  const prisma = await db();
  if (!kept) {
    await prisma.track.updateMany({ where: { id: track.id }, data: { keptAt: null } });
    return;
  }
  // keptAt is UTC wall time (timestamp without time zone), as Prisma writes dates; a take
  // kept already keeps its date.
  await prisma.$executeRaw`
    UPDATE "Track" SET "keptAt" = CASE WHEN id = ${track.id}::uuid THEN coalesce("keptAt", now() AT TIME ZONE 'UTC') END
    WHERE "batchId" = ${track.batchId}::uuid`;
}
