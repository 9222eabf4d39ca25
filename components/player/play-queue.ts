import type { PlayerTrack } from "@/components/player/player-track";

// The play queue's rules, apart from React: which track plays next, after one ends, and what
// `play(track, { queue })` makes the queue.

export type Repeat = "off" | "all" | "one";

/** The queue `play(track, options)` leaves: the given list when it holds the track, else the current queue when it does, else the track alone. */
export function queueFor(track: PlayerTrack, given: readonly PlayerTrack[] | undefined, current: readonly PlayerTrack[]): readonly PlayerTrack[] {
  if (given) return given.some((t) => t.id === track.id) ? given : [track];
  return current.some((t) => t.id === track.id) ? current : [track];
}

/** The track `step` places from `id` in `queue` (wrapping round when `wrap`), or null at an end. */
export function neighbour(queue: readonly PlayerTrack[], id: string, step: 1 | -1, wrap: boolean): PlayerTrack | null {
  const index = queue.findIndex((t) => t.id === id);
  if (index < 0) return null;
  const to = index + step;
  if (to >= 0 && to < queue.length) return queue[to]!;
  return wrap ? queue[(to + queue.length) % queue.length]! : null;
}

/**
 * What plays once `id` has played to its end: "restart" (repeat one, or repeat all over a queue
 * of one), the next track (autoplay-next, or repeat all wrapping round), or null (it stops).
 */
export function afterEnd(
  queue: readonly PlayerTrack[],
  id: string,
  { repeat, autoplayNext }: { repeat: Repeat; autoplayNext: boolean },
): PlayerTrack | "restart" | null {
  if (repeat === "one") return "restart";
  if (!autoplayNext && repeat === "off") return null;
  const next = neighbour(queue, id, 1, repeat === "all");
  if (!next) return null;
  return next.id === id ? "restart" : next;
}

/** The queue once the A/B switch went from take `fromId` to `take`: the take stands in its sibling's place unless it is queued already. */
export function withTake(queue: readonly PlayerTrack[], fromId: string, take: PlayerTrack): readonly PlayerTrack[] {
  if (queue.some((t) => t.id === take.id)) return queue;
  return queue.some((t) => t.id === fromId) ? queue.map((t) => (t.id === fromId ? take : t)) : [take];
}

/** Repeat's button cycles off → all → one → off, as the players people know do. */
export function nextRepeat(repeat: Repeat): Repeat {
  return repeat === "off" ? "all" : repeat === "all" ? "one" : "off";
}
