import type { PlayerTrack } from "@/components/player/player-track";

type Props = {
  takes: PlayerTrack[];
  currentId: string;
  onSwitch: (take: PlayerTrack) => void;
};

/** The A/B switch: one button per take of the batch, the playing one pressed; T goes to the next. */
export function TakeSwitch({ takes, currentId, onSwitch }: Props) {
  return (
    <div role="group" aria-label="Takes" className="flex flex-wrap items-center gap-1.5">
      <span aria-hidden className="mr-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Takes</span>
      {takes.map((take, index) => {
        const name = `Take ${take.takeNumber ?? index + 1}`;
        const current = take.id === currentId;
        return (
          <button
            key={take.id}
            type="button"
            onClick={() => onSwitch(take)}
            aria-pressed={current}
            title={take.kept ? `${name}, the keeper` : undefined}
            className={`inline-flex h-8 items-center gap-1 rounded-full border px-3 text-xs font-medium tabular-nums ${
              current
                ? "border-accent-600 bg-accent-600 text-white"
                : "border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
            }`}
          >
            {name}
            {take.kept && (
              <svg aria-hidden viewBox="0 0 24 24" className="size-3.5 fill-current"><path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.5 2.9 1-6.1L3.2 9.5l6.1-.9z" /></svg>
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
