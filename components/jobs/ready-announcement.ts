import { trackHref } from "./track-api";
import type { Job } from "./use-jobs";

// What the toast says about tracks that got ready together (within a moment of each other,
// jobs-in-flight.tsx): one toast for all of them, never a stack.

export type ReadyJob = Pick<Job, "id" | "batchId" | "title" | "trackId">;

export type ReadyAnnouncement = { text: string; action: { label: string; href: string } };

const LIBRARY = { label: "Open the library", href: "/library" };

export function readyAnnouncement(jobs: readonly ReadyJob[]): ReadyAnnouncement {
  // A job told twice (two answers about it) counts once.
  const ready = [...new Map(jobs.map((job) => [job.id, job])).values()];
  const [first] = ready;
  if (!first) throw new Error("readyAnnouncement() needs at least one job");
  const open = first.trackId ? { label: "Open the track", href: trackHref(first.trackId) } : LIBRARY;
  if (ready.length === 1) return { text: `“${first.title}” is ready.`, action: open };
  // The takes of one batch share its title; its track page lists them all.
  if (ready.every((job) => job.batchId === first.batchId)) return { text: `${ready.length} takes of “${first.title}” are ready.`, action: open };
  return { text: `${ready.length} tracks are ready.`, action: LIBRARY };
}
