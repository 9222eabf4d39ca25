"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import type { LibraryBatch, LibraryTrack } from "@/components/library/library-api";
import { promptLine } from "@/components/library/prompt-line";
import { ReuseSettingsLink } from "@/components/library/reuse-settings-link";
import { KeeperBadge, TakeList, type RowPlayback } from "@/components/library/take-list";
import { TitleEditor } from "@/components/library/title-editor";
import {
  DeleteButton,
  DownloadLink,
  FavoriteButton,
  ICON_ACTION,
  KeepButton,
  MUTED,
  PlayToggle,
  RenameButton,
  ShareButton,
} from "@/components/library/track-action-buttons";
import { ChevronIcon } from "@/components/library/track-icons";
import { useInlineRename } from "@/components/library/use-inline-rename";
import type { TrackActions } from "@/components/library/use-track-actions";
import { formatTime } from "@/components/player/format-time";
import { formatPrice } from "@/lib/money";

type Props = { batch: LibraryBatch; playback: RowPlayback; actions: TrackActions };

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * One library row per batch: its first take's title (a link to the track page), then its
 * prompt, what made it and what it cost. A batch of one take has every action on the row; a
 * batch of several has a "N takes" badge that expands to the takes, each with its own actions.
 */
export function BatchRow({ batch, playback, actions }: Props) {
  const tracks = batch.tracks;
  const lead = tracks[0]!;
  const several = tracks.length > 1;
  const [expanded, setExpanded] = useState(false);
  const rename = useInlineRename(lead.title, (title) => actions.rename(lead, title));
  const takesId = `takes-${batch.batchId}`;

  // The row's play button plays the batch: whichever of its takes is loaded, else the first.
  const loaded = tracks.find((t) => t.id === playback.currentId);
  const isCurrent = loaded !== undefined;
  const isPlaying = isCurrent && playback.playing;
  const secondaryText = isCurrent ? "text-zinc-600 dark:text-zinc-400" : "text-zinc-500 dark:text-zinc-400";

  const prompt = promptLine(lead.title, lead.prompt);
  const takesToggle = (className: string) =>
    several && <TakesToggle count={tracks.length} expanded={expanded} controls={takesId} onToggle={() => setExpanded(!expanded)} className={className} />;

  return (
    <li
      data-testid="track-row"
      data-track-id={lead.id}
      data-batch-id={batch.batchId}
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border px-3 py-3 sm:gap-x-4 sm:px-4 ${
        isCurrent ? "border-accent-400 bg-accent-50 dark:border-accent-600 dark:bg-accent-700/15" : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      }`}
    >
      <PlayToggle name={lead.title} playing={isPlaying} onToggle={isPlaying ? playback.onPause : () => playback.onPlay(loaded ?? lead)} />

      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 items-center gap-2">
          {rename.editing ? (
            <div className="min-w-0 flex-1"><TitleEditor trackId={lead.id} title={lead.title} rename={rename} /></div>
          ) : (
            // Without its prompt line the row keeps the prompt as the title's tooltip.
            <h3 className="min-w-0 truncate text-sm font-medium sm:text-base">
              <Link href={`/tracks/${lead.id}`} title={prompt === null ? lead.prompt : lead.title} className="underline-offset-4 hover:underline">{lead.title}</Link>
            </h3>
          )}
          {takesToggle("hidden px-2 py-0.5 sm:inline-flex")}
        </div>
        {prompt !== null && <p className={`truncate text-xs ${secondaryText}`} title={prompt}>{prompt}</p>}
        <RowFacts tracks={tracks} current={isCurrent} className={secondaryText} />
      </div>

      {/* On a phone the actions get a line of their own, so the title keeps its width; a batch's
          takes badge moves onto it, so its two icons are not alone there. */}
      <div className={`-mb-1 flex shrink-0 basis-full items-center sm:mb-0 sm:basis-auto ${several ? "pl-13 sm:pl-0" : "justify-end"}`}>
        {takesToggle("mr-auto inline-flex h-8 px-3 sm:hidden")}
        <ReuseSettingsLink id={lead.id} title={lead.title} className={`${ICON_ACTION} ${MUTED}`} />
        {lead.canEdit && <RenameButton name={lead.title} onClick={rename.start} buttonRef={rename.renameButtonRef} />}
        {!several && <SingleTakeActions track={lead} actions={actions} />}
      </div>
      {several && expanded && <TakeList id={takesId} tracks={tracks} title={lead.title} playback={playback} actions={actions} />}
    </li>
  );
}

/** "2 takes ▾": shows or hides the batch's takes. The row has one for a phone and one from sm on. */
function TakesToggle({ count, expanded, controls, onToggle, className }: { count: number; expanded: boolean; controls: string; onToggle: () => void; className: string }) {
  return (
    <button
      type="button"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
      className={`shrink-0 items-center gap-1 rounded-full bg-accent-100 text-xs font-semibold text-accent-700 hover:bg-accent-50 dark:bg-accent-700/30 dark:text-accent-100 dark:hover:bg-accent-700/50 ${className}`}
    >
      {count} takes
      <ChevronIcon open={expanded} className="size-3.5" />
    </button>
  );
}

function SingleTakeActions({ track, actions }: { track: LibraryTrack; actions: TrackActions }) {
  return (
    <>
      {track.canEdit && <KeepButton name={track.title} kept={track.kept} onToggle={() => actions.keep(track)} />}
      <FavoriteButton name={track.title} favorite={track.favorite} onToggle={() => actions.favorite(track)} />
      <ShareButton name={track.title} track={track} />
      <DownloadLink name={track.title} track={track} />
      {track.canEdit && <DeleteButton name={track.title} onClick={() => actions.remove(track)} />}
    </>
  );
}

/**
 * Model, creator, cost (of every take in the row), length, format and date, with " · " between
 * them; a lone take of a larger batch says which it is. The line wraps between groups that read
 * together (who and what it cost; how long and what file), so no fact is left alone on a line;
 * each group's leading dot sits in a margin that is clipped, so no line starts with one.
 */
function RowFacts({ tracks, current, className }: { tracks: readonly LibraryTrack[]; current: boolean; className: string }) {
  const lead = tracks[0]!;
  const cost = tracks.reduce((sum, t) => sum + t.costUsd, 0);
  // On the selected (lavender) row the chip is white, so it stands out from the row.
  const chip = current ? "bg-white inset-ring inset-ring-accent-400/40 dark:bg-zinc-800 dark:inset-ring-accent-400/30" : "bg-zinc-100 dark:bg-zinc-800";
  return (
    <div className="mt-1 overflow-hidden">
      <p className={`-ml-4 flex flex-wrap items-center gap-y-1 text-xs ${className}`}>
        <FactGroup>
          <span className={`min-w-0 truncate rounded px-1.5 py-0.5 font-medium text-zinc-700 dark:text-zinc-300 ${chip}`}>{lead.modelName}</span>
        </FactGroup>
        {tracks.length === 1 && (lead.takeCount > 1 || lead.kept) && (
          <FactGroup>
            {lead.takeCount > 1 && <span className="mr-1.5 font-medium">Take {lead.takeNumber} of {lead.takeCount}</span>}
            {lead.kept && <KeeperBadge />}
          </FactGroup>
        )}
        <FactGroup>
          <span data-testid="row-creator" className="max-w-40 min-w-0 truncate">{lead.creator.name}</span>
          <Dot />
          <span data-testid="row-cost" title={tracks.length > 1 ? `The cost of these ${tracks.length} takes` : "What this take cost"}>
            {formatPrice(cost)}
          </span>
        </FactGroup>
        <FactGroup>
          <span className="font-mono tabular-nums">{formatTime(lead.durationMs / 1000)}</span>
          <Dot />
          <span className="uppercase">{lead.format}</span>
          {/* A phone leaves the date to the track page. */}
          <span className="hidden sm:contents">
            <Dot />
            <time dateTime={lead.createdAt}>{dateFormat.format(new Date(lead.createdAt))}</time>
          </span>
        </FactGroup>
      </p>
    </div>
  );
}

/** Facts that stay on one line, after a separating dot. */
function FactGroup({ children }: { children: ReactNode }) {
  return (
    <span className="flex max-w-full min-w-0 items-center whitespace-nowrap">
      <Dot />
      {children}
    </span>
  );
}

function Dot() {
  return <span aria-hidden className="w-4 shrink-0 text-center">·</span>;
}

export function TrackRowSkeleton() {
  return (
    <li aria-hidden className="flex animate-pulse items-center gap-4 rounded-xl border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="size-10 rounded-full bg-zinc-200 dark:bg-zinc-800" />
      <div className="flex-1 space-y-2">
        <div className="h-4 w-1/3 rounded bg-zinc-200 dark:bg-zinc-800" />
        <div className="h-3 w-2/3 rounded bg-zinc-100 dark:bg-zinc-800/70" />
        <div className="h-3 w-1/4 rounded bg-zinc-100 dark:bg-zinc-800/70" />
      </div>
    </li>
  );
}
