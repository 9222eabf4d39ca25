import { useEffect, useState } from "react";
import { readStored, writeStored } from "./browser-store";
import type { RecentTracks, StudioTrack } from "./track-api";

// "2 tracks finished while you were away", once. The mark is when this browser last saw the
// member's tracks: the creation time of the newest one a studio page showed, in the server's
// clock like the tracks' own (so a wrong clock here cannot invent or hide news), or NONE when
// that page showed no track yet. A page moves it on with every list it shows, so what finished
// while a page was open is never news on the next visit; without a mark (a first visit in this
// browser) there is nothing to compare with, and nothing is said.
export const NONE = "none";

export type AwayNews = {
  tracks: StudioTrack[];
  /** Every listed track is new and there are more: at least this many. */
  more: boolean;
};

/** The tracks listed in `recent` newer than `mark`, or null when there are none (or no mark). */
export function newsSince(mark: string | null, recent: RecentTracks): AwayNews | null {
  if (mark === null) return null;
  const since = mark === NONE ? -Infinity : Date.parse(mark);
  const listed = recent.batches.flatMap((batch) => batch.tracks);
  const tracks = listed.filter((track) => Date.parse(track.createdAt) > since);
  if (tracks.length === 0) return null;
  return { tracks, more: tracks.length === listed.length && recent.nextCursor !== null };
}

/** The newest creation time in `recent`, or null when it lists no track. */
export function newest(recent: RecentTracks): string | null {
  const times = recent.batches.flatMap((batch) => batch.tracks.map((track) => track.createdAt));
  return times.length === 0 ? null : times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

/** The news for this visit (from the first list this page gets), and its dismissal. */
export function useAwayNotice(memberId: string, recent: RecentTracks | undefined) {
  const key = `venice-studio:seen-until:${memberId}`;
  const [checked, setChecked] = useState(false);
  const [news, setNews] = useState<AwayNews | null>(null);
  // Read before the effect below moves the mark: during the render that first has the list.
  if (recent && !checked) {
    setChecked(true);
    setNews(newsSince(readStored(key), recent));
  }
  useEffect(() => {
    if (!recent) return;
    const mark = readStored(key);
    const latest = newest(recent);
    if (latest === null) {
      if (mark === null) writeStored(key, NONE);
    } else if (mark === null || mark === NONE || Date.parse(latest) > Date.parse(mark)) {
      writeStored(key, latest);
    }
  }, [recent, key]);
  return { news, dismiss: () => setNews(null) };
}
