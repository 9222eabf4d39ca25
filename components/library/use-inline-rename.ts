"use client";

import { useEffect, useRef, useState } from "react";
import { ApiFailure } from "@/lib/browser/fetch-json";

/**
 * A track row's title edited in place: `start` opens the field on `title`, `save` (Enter or
 * blur) sends a changed title through `onRename`, `cancel` (Escape) puts it back. Either way
 * focus returns to the rename button.
 */
export function useInlineRename(title: string, onRename: (title: string) => Promise<void>) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const renameButtonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);

  // Enter disables the field while saving, and the blur that follows must not save again.
  const busyRef = useRef(false);

  async function save() {
    if (busyRef.current || !editing) return;
    const next = draft.trim();
    if (!next) return setError("The title cannot be empty.");
    if (next === title) return stop();
    busyRef.current = true;
    setSaving(true);
    try {
      await onRename(next);
      stop();
    } catch (e) {
      // A refused title says why (its field's message), not just that some field was invalid.
      const titleProblem = e instanceof ApiFailure ? e.fields.title?.[0] : undefined;
      setError(titleProblem ?? (e instanceof Error ? e.message : "The title could not be saved."));
    } finally {
      busyRef.current = false;
      setSaving(false);
    }
  }

  function stop() {
    setEditing(false);
    setError(null);
    requestAnimationFrame(() => renameButtonRef.current?.focus());
  }

  function start() {
    setDraft(title);
    setEditing(true);
  }

  function cancel() {
    setDraft(title);
    stop();
  }

  return { editing, draft, setDraft, error, saving, save, start, cancel, inputRef, renameButtonRef };
}
