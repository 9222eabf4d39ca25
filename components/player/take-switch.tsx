import { useId } from "react";
import { KeeperIcon } from "@/components/library/track-icons";
import type { PlayerTrack } from "@/components/player/player-track";

type Props = {
  takes: PlayerTrack[];
  currentId: string;
  onSwitch: (take: PlayerTrack) => void;
  /** Where the bar places it. */
  className?: string;
};

/**
 * The A/B switch: one button per take of the batch, the playing one pressed; T goes to the next.
 * Each button is named "Take N" only; the keeper's check-badge (the library's mark, not the
 * favourites' star) is decorative and the keeper fact is its tooltip and description. On a phone,
 * where it sits beside the waveform, a button shows its number only (its name is still "Take N").
 */
export function TakeSwitch({ takes, currentId, onSwitch, className = "" }: Props) {
  const keeperId = `${useId()}-keeper`;
  return (
    <div role="group" aria-label="Takes" className={`flex flex-wrap items-center gap-1.5 ${className}`}>
      <span aria-hidden className="mr-1 hidden text-xs font-medium text-zinc-600 sm:inline dark:text-zinc-400">Takes</span>
      <span id={keeperId} hidden>The keeper of this batch</span>
      {takes.map((take, index) => {
        const name = `Take ${take.takeNumber ?? index + 1}`;
        const current = take.id === currentId;
        return (
          <button
            key={take.id}
            type="button"
            onClick={() => onSwitch(take)}
            aria-pressed={current}
            // A title equal to the name would be read again as its description.
            title={take.kept ? `${name}, the keeper` : undefined}
            aria-describedby={take.kept ? keeperId : undefined}
            className={`inline-flex h-8 min-w-8 items-center justify-center gap-1.5 rounded-full border px-2 text-xs font-medium tabular-nums sm:px-3 ${
              current
                ? "border-accent-600 bg-accent-600 text-white"
                : "border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
            }`}
          >
            <span>
              <span className="max-sm:sr-only">Take </span>
              {take.takeNumber ?? index + 1}
            </span>
            {take.kept && (
              // On the pressed (accent) button a white disc keeps the emerald badge legible.
              <span aria-hidden className={`-mr-1 inline-flex rounded-full ${current ? "bg-white p-px dark:bg-zinc-900" : ""}`}>
                <KeeperIcon filled className="size-4 text-emerald-600 dark:text-emerald-400" />
              </span>
            )}
          </button>
        );
      })}
      <span className="ml-1 hidden text-xs text-zinc-600 sm:inline dark:text-zinc-400">
        <kbd className="rounded border border-zinc-300 px-1 font-sans dark:border-zinc-700">T</kbd> switches at the same position, level-matched
      </span>
    </div>
  );
}
