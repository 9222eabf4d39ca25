"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { DialogCloseButton } from "@/components/dialog-close-button";
import { MODAL_PANEL, useModalDialog } from "@/components/modal-dialog";
import { OneTimeLink } from "@/components/one-time-link";
import { SubmitButton } from "@/components/submit-button";
import { createShareLink, fetchShareLinksPage, revokeShareLink, shareLinksKey } from "@/components/share/share-api";
import type { ShareLinkView } from "@/lib/api/shares/share-link-view";

const EXPIRY_CHOICES = [
  { label: "After 1 day", hours: 24 },
  { label: "After 7 days", hours: 168 },
  { label: "After 30 days", hours: 720 },
  { label: "Never", hours: null },
] as const;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const formatDate = (iso: string) => dateFormat.format(new Date(iso));

type Props = { track: { id: string; title: string }; onClose: () => void };

/**
 * Share links for one track, in a modal <dialog> (the browser traps focus, Escape closes, and
 * focus returns to the Share button): make a link with an expiry and copy it — shown this once —
 * and revoke the links already made, every one of them reachable page by page.
 */
export function ShareDialog({ track, onClose }: Props) {
  const { dialogRef, close } = useModalDialog();
  const ids = useId();
  const queryClient = useQueryClient();
  const [expiry, setExpiry] = useState("1");
  const [created, setCreated] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const links = useInfiniteQuery({
    queryKey: shareLinksKey(track.id),
    queryFn: ({ pageParam, signal }) => fetchShareLinksPage(track.id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const listed = links.data?.pages.flatMap((page) => page.links) ?? [];
  const activeCount = links.data?.pages[0]?.activeCount ?? 0;
  const create = useMutation({
    mutationFn: () => createShareLink(track.id, EXPIRY_CHOICES[Number(expiry)]!.hours),
    onSuccess: ({ url }) => {
      setCreated(url);
      setAnnouncement("Link created.");
      void queryClient.invalidateQueries({ queryKey: shareLinksKey(track.id) });
    },
  });
  const revoke = useMutation({
    mutationFn: (link: ShareLinkView) => revokeShareLink(link.id),
    onSuccess: () => {
      setAnnouncement("Link revoked: it no longer works.");
      void queryClient.invalidateQueries({ queryKey: shareLinksKey(track.id) });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  const error = create.error ?? revoke.error;

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-intro`}
      onClose={onClose}
      onClick={(e) => e.target === dialogRef.current && close()}
      className={`${MODAL_PANEL} max-w-lg`}
    >
      <div className="space-y-5 p-5 sm:p-6">
        <div className="flex items-start justify-between gap-3">
          <h2 id={`${ids}-title`} className="min-w-0 text-lg font-semibold break-words">
            Share “{track.title}”
          </h2>
          <DialogCloseButton onClick={close} className="-mt-1 -mr-1 text-zinc-500 dark:text-zinc-400" />
        </div>
        <p id={`${ids}-intro`} className="text-sm text-zinc-600 dark:text-zinc-400">
          Anyone with the link can play and download this track without signing in. Nothing else of the studio is visible through it.
        </p>

        <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <div className="min-w-40 flex-1">
            <label htmlFor={`${ids}-expiry`} className="block text-sm font-medium">Link expires</label>
            <select
              id={`${ids}-expiry`}
              value={expiry}
              onChange={(e) => setExpiry(e.target.value)}
              className="mt-1 w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            >
              {EXPIRY_CHOICES.map((choice, index) => (
                <option key={choice.label} value={index}>{choice.label}</option>
              ))}
            </select>
          </div>
          <SubmitButton pending={create.isPending} busyLabel="Creating…">
            Create link
          </SubmitButton>
        </form>

        {created && (
          <OneTimeLink
            url={created}
            label="New link"
            hint="Copy it now: the studio cannot show this link again."
            copiedMessage="Link copied."
            announce={setAnnouncement}
          />
        )}

        {error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error.message}</p>}
        <p role="status" className="sr-only">{announcement}</p>

        <section aria-labelledby={`${ids}-links`}>
          <h3 id={`${ids}-links`} className="text-sm font-semibold">
            Links to this track
            {listed.length > 0 && (
              <span data-testid="share-active-count" className="font-normal text-zinc-600 dark:text-zinc-400"> · {activeCount} active</span>
            )}
          </h3>
          {links.isPending ? (
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>
          ) : links.isError && !links.isFetchNextPageError ? (
            <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">{links.error.message}</p>
          ) : listed.length === 0 ? (
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">No links yet.</p>
          ) : (
            <>
              <ul className="mt-2 max-h-60 divide-y divide-zinc-200 overflow-y-auto rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
                {listed.map((link) => (
                  <ShareLinkItem key={link.id} link={link} revoking={revoke.isPending && revoke.variables?.id === link.id} onRevoke={() => revoke.mutate(link)} />
                ))}
              </ul>
              {links.hasNextPage && (
                <button
                  type="button"
                  onClick={() => void links.fetchNextPage()}
                  disabled={links.isFetchingNextPage}
                  className="mt-2 rounded-lg px-3 py-1.5 text-sm font-medium text-accent-700 hover:bg-zinc-100 disabled:opacity-60 dark:text-accent-400 dark:hover:bg-zinc-800"
                >
                  {links.isFetchingNextPage ? "Loading…" : "Show older links"}
                </button>
              )}
              {links.isFetchNextPageError && <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">{links.error?.message}</p>}
            </>
          )}
        </section>
      </div>
    </dialog>
  );
}

const STATUS_STYLE: Readonly<Record<ShareLinkView["status"], string>> = {
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300",
  expired: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  revoked: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

function ShareLinkItem({ link, revoking, onRevoke }: { link: ShareLinkView; revoking: boolean; onRevoke: () => void }) {
  const made = formatDate(link.createdAt);
  const ending =
    link.status === "revoked"
      ? `Revoked ${formatDate(link.revokedAt!)}`
      : link.expiresAt
        ? `${link.status === "expired" ? "Expired" : "Expires"} ${formatDate(link.expiresAt)}`
        : "Never expires";
  return (
    <li data-testid="share-link" data-status={link.status} className="flex items-center gap-3 px-3 py-2.5">
      <div className="min-w-0 flex-1 text-sm">
        <p className="flex min-w-0 items-center gap-2">
          <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium capitalize ${STATUS_STYLE[link.status]}`}>{link.status}</span>
          <span className="truncate">By {link.createdBy.name}</span>
        </p>
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          Made {made} · {ending}
        </p>
      </div>
      {link.status === "active" && link.canRevoke && (
        <button
          type="button"
          onClick={onRevoke}
          disabled={revoking}
          aria-label={`Revoke the link made ${made}`}
          className="shrink-0 rounded-lg px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60 dark:text-red-400 dark:hover:bg-red-950/40"
        >
          {revoking ? "Revoking…" : "Revoke"}
        </button>
      )}
    </li>
  );
}
