import "server-only";
import type { Member } from "@/lib/api/member";
import { db } from "@/lib/db/client";
import { getGeneration, type GenerationView } from "@/lib/generations/get-generation";
import { ACTIVE_STATUSES } from "@/lib/generations/state-machine";

// In-flight jobs are few (a member submits at most a handful of takes at a time); this cap
// only keeps a runaway from building a huge answer.
const MAX_ACTIVE = 100;

/** The member's generations the worker still has work for, oldest first, so the studio page can follow them after a reload. */
export async function listActiveGenerations(member: Member): Promise<GenerationView[]> {
  const prisma = await db();
  const active = await prisma.generation.findMany({
    where: { creatorId: member.id, status: { in: [...ACTIVE_STATUSES] } },
    orderBy: [{ createdAt: "asc" }, { takeIndex: "asc" }],
    take: MAX_ACTIVE,
    select: { id: true },
  });
  const views = await Promise.all(active.map(({ id }) => getGeneration(id)));
  return views.filter((view): view is GenerationView => view !== null);
}
