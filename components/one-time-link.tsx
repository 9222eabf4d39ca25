"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

type Props = {
  url: string;
  /** The field's label, e.g. "New link". */
  label: ReactNode;
  /** Below the field; says the link is shown only this once. */
  hint: ReactNode;
  /** Announced once the link is on the clipboard, e.g. "Link copied.". */
  copiedMessage: string;
  announce: (message: string) => void;
  testId?: string;
};

/**
 * A secret link the studio shows only once (a share link, an invite): selected on arrival, with
 * Copy. Where the clipboard is refused (no permission, plain http) the link is left selected
 * for Ctrl+C instead.
 */
export function OneTimeLink({ url, label, hint, copiedMessage, announce, testId }: Props) {
  const ids = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  // Tied to the url, so a newly made link starts as "Copy" again.
  const [copiedUrl, setCopiedUrl] = useState<string | null>(null);
  const copied = copiedUrl === url;

  useEffect(() => {
    urlRef.current?.select();
  }, [url]);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopiedUrl(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopiedUrl(url);
      announce(copiedMessage);
    } catch {
      urlRef.current?.select();
      announce("The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
    }
  }

  return (
    <div data-testid={testId} className="rounded-xl border border-accent-400/60 bg-accent-50 p-3 dark:border-accent-600/60 dark:bg-accent-700/15">
      <label htmlFor={`${ids}-url`} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={`${ids}-url`}
          ref={urlRef}
          readOnly
          value={url}
          onFocus={(e) => e.target.select()}
          aria-describedby={`${ids}-hint`}
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
        <button
          type="button"
          onClick={() => void copy()}
          className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p id={`${ids}-hint`} className="mt-2 text-xs text-zinc-700 dark:text-zinc-300">
        {hint}
      </p>
    </div>
  );
}
