"use client";

import { useStudioMode } from "@/components/studio-mode";
import { ApiFailure } from "@/lib/browser/fetch-json";
import { balanceShortReason } from "@/lib/failure-wording";
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import { priceOf } from "@/lib/venice/pricing";
import { CapabilityFields } from "./capability-fields";
import { draftKeyOf, requestOf } from "./draft";
import { ModelPicker } from "./model-picker";
import { PriceTag } from "./price-tag";
import { TakesPicker } from "./takes-picker";
import { useBalance } from "./use-balance";
import type { CreateForm } from "./use-create-form";
import { useQuote } from "./use-quote";
import { useRequestSchema } from "./use-request-schema";
import { useSubmit, type SubmitAnswer } from "./use-submit";

const BUTTON_CLASS =
  "w-full rounded-xl bg-accent-600 px-4 py-3 font-semibold text-white hover:bg-accent-700 " +
  // Not ready, it stays focusable and says why when pressed; its label stays readable in both schemes.
  "aria-disabled:cursor-not-allowed aria-disabled:bg-zinc-200 aria-disabled:text-zinc-700 " +
  "dark:aria-disabled:bg-zinc-800 dark:aria-disabled:text-zinc-200";

export function CreatePanel({ models, form, onAccepted }: { models: readonly ModelCapabilities[]; form: CreateForm; onAccepted: (answer: SubmitAnswer) => void }) {
  const { model, draft, takes } = form;
  const schema = useRequestSchema(model);
  const request = model ? requestOf(model, draft) : null;
  const parsed = schema && request ? schema.safeParse(request) : null;
  const valid = parsed?.success ? parsed.data : null;
  const quote = useQuote(model?.id ?? "", valid, takes);
  const submission = useSubmit((answer, sent) => {
    form.rememberPrompt(sent.prompt);
    onAccepted(answer);
  });
  const balance = useBalance();
  const mode = useStudioMode();
  if (!form.ready) return <p role="status" className="rounded-2xl border border-zinc-200 p-6 text-sm dark:border-zinc-800">Loading your draft…</p>;
  if (!model || !request) return <p>No model is available right now.</p>;

  const body = JSON.stringify({ model: model.id, request: valid, takes });
  const serverFailure = submission.error instanceof ApiFailure && submission.errorBody === body ? submission.error : null;
  const localErrors: Record<string, string[]> = {};
  for (const issue of parsed?.success === false ? parsed.error.issues : []) {
    const field = String(issue.path[0] ?? "_");
    (localErrors[field] ??= []).push(issue.message);
  }
  const shown: Record<string, string[]> = { ...serverFailure?.fields };
  // A broken rule shows on its field once the creator has touched that field.
  for (const [field, messages] of Object.entries(localErrors)) {
    const key = draftKeyOf(field);
    if (key && form.touched.has(key)) shown[field] = messages;
  }
  let estimate: number | undefined;
  try {
    // The validated request once there is one: its prompt is trimmed, as Venice bills it.
    estimate = priceOf(model, valid ?? request) * takes;
  } catch {
    estimate = undefined;
  }
  const price = quote.usd ?? estimate;
  const short = balance != null && price !== undefined && price > balance;
  // Said once the creator has typed something or tried to create, not on a fresh form.
  const blocker =
    form.touched.size === 0
      ? undefined
      : (Object.values(localErrors)[0]?.[0] ??
        (short ? balanceShortReason(mode, balance, price) : undefined));
  const ready = Boolean(valid) && !short && !submission.isPending;
  const trySubmit = () => {
    if (valid && !short) submission.submit(model.id, valid, takes);
    else form.touchAll();
  };

  return (
    <form
      aria-labelledby="create-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        trySubmit();
      }}
      className="space-y-5 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6 dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <DraftBar form={form} />
      <ModelPicker models={models} selected={model} onSelect={form.selectModel} />
      {form.notice ? <SwitchNotice notice={form.notice} modelName={model.name} /> : null}
      <CapabilityFields model={model} draft={draft} errors={shown} onChange={form.change} onSubmitShortcut={trySubmit} recentPrompts={form.history} />
      <div className="flex flex-wrap items-end justify-between gap-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <TakesPicker takes={takes} onChange={form.setTakes} />
        <PriceTag estimate={estimate} quote={quote.usd} balance={balance} status={!valid ? "idle" : quote.error ? "failed" : "asking"} />
      </div>
      <div className="space-y-2">
        <button type="submit" aria-disabled={ready ? undefined : true} aria-describedby="submit-reason submit-shortcut" className={BUTTON_CLASS}>
          {submission.isPending ? "Sending…" : takes > 1 ? `Create ${takes} takes` : "Create"}
        </button>
        <p id="submit-reason" role={serverFailure ? "alert" : undefined} className="min-h-5 text-sm text-zinc-600 dark:text-zinc-400">
          {serverFailure
            ? // Every refusal says why in its message: the balance, a monthly cap, a field.
              serverFailure.message
            : submission.error && submission.errorBody === body
              ? "The studio could not be reached. Try again: the same click will not be charged twice."
              : blocker
                ? `Not ready yet. ${blocker}`
                : ""}
        </p>
        <p id="submit-shortcut" className="text-xs text-zinc-500 dark:text-zinc-400">
          Or press <kbd className="font-sans font-medium">Ctrl</kbd>+<kbd className="font-sans font-medium">Enter</kbd> (
          <kbd className="font-sans font-medium">⌘</kbd>+<kbd className="font-sans font-medium">Enter</kbd> on a Mac) in the prompt or the lyrics.
        </p>
      </div>
    </form>
  );
}

/** The heading, with "New draft" (and its undo, once it was pressed). */
function DraftBar({ form }: { form: CreateForm }) {
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-3">
        <h2 id="create-heading" className="text-lg font-semibold">
          Create
        </h2>
        <button
          type="button"
          onClick={form.newDraft}
          className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          New draft
        </button>
      </div>
      <p role="status" className={form.canUndo ? "flex items-center justify-between gap-3 rounded-lg bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800" : "sr-only"}>
        {form.canUndo ? (
          <>
            <span>The form is clear for a new draft.</span>
            <button type="button" onClick={form.undoNewDraft} className="font-medium text-accent-700 underline underline-offset-4 dark:text-accent-400">
              Undo
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}

/** What the last model switch hid (kept for a switch back), or what a reuse had to drop. */
function SwitchNotice({ notice, modelName }: { notice: NonNullable<CreateForm["notice"]>; modelName: string }) {
  return (
    <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      {modelName} does not take: {notice.items.join(", ")}.{" "}
      {notice.kind === "hidden"
        ? `These settings are hidden for this model; switch back to ${notice.backTo} to have them again.`
        : "These settings were dropped."}
    </p>
  );
}
