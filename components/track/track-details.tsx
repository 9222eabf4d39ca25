import type { LibraryTrack } from "@/components/library/library-api";
import { formatTime } from "@/components/player/format-time";
import { settingRows } from "@/components/track/track-settings";
import { formatPrice } from "@/lib/money";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" });
const heading = "text-sm font-semibold text-zinc-900 dark:text-zinc-100";
const term = "text-zinc-600 dark:text-zinc-400";
const longText = "mt-2 rounded-xl border border-zinc-200 bg-white px-4 py-3 text-sm leading-relaxed break-words whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-900";

/** What was asked for: the full prompt, the lyrics, and every other setting of the stored request. */
export function TrackDetails({ track, settings }: { track: LibraryTrack; settings: Readonly<Record<string, unknown>> | null }) {
  const rows = settings && settingRows(settings);
  return (
    <div className="space-y-6">
      <section aria-labelledby="track-prompt">
        <h3 id="track-prompt" className={heading}>Prompt</h3>
        <p data-testid="track-prompt" className={longText}>{track.prompt}</p>
      </section>
      {track.lyrics && (
        <section aria-labelledby="track-lyrics">
          <h3 id="track-lyrics" className={heading}>Lyrics</h3>
          <p data-testid="track-lyrics" className={longText}>{track.lyrics}</p>
        </section>
      )}
      <section aria-labelledby="track-settings">
        <h3 id="track-settings" className={heading}>Settings</h3>
        {rows === null ? (
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">An older version of the studio stored them in a form it can no longer read.</p>
        ) : rows.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Nothing beyond the prompt: the model&apos;s own defaults.</p>
        ) : (
          <dl data-testid="track-settings" className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            {rows.map((row) => (
              <div key={row.key} className="contents">
                <dt className={term}>{row.label}</dt>
                <dd className="min-w-0 font-medium break-words">{row.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </div>
  );
}

/** What the track is: model, length, format, size, loudness, creator, cost and date. */
export function TrackFacts({ track }: { track: LibraryTrack }) {
  const facts: [string, string][] = [
    ["Model", track.modelName],
    ["Length", formatTime(track.durationMs / 1000)],
    ["Format", track.format.toUpperCase()],
    ["Size", fileSize(track.bytes)],
    ...(track.loudnessLufs === null ? [] : [["Loudness", `${track.loudnessLufs.toFixed(1)} LUFS`] as [string, string]]),
    ["Creator", track.creator.name],
    ["Cost", formatPrice(track.costUsd)],
    ["Created", dateFormat.format(new Date(track.createdAt))],
  ];
  return (
    <section aria-labelledby="track-facts">
      <h3 id="track-facts" className={heading}>Details</h3>
      <dl data-testid="track-facts" className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className={term}>{label}</dt>
            <dd className="min-w-0 font-medium break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** "529 kB", "4.2 MB". */
function fileSize(bytes: number): string {
  return bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}
