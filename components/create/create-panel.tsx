"use client";

import { ApiFailure } from "@/lib/browser/fetch-json";
import { formatBalance, formatPrice } from "@/lib/money";
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

export function CreatePanel({ models, form, onAccepted }: { models: readonly ModelCapabilities[]; form: CreateForm; onAccepted: (answer: SubmitAnswer) => void }) {
  const { model, draft, takes } = form;
  const schema = useRequestSchema(model);
  const request = model ? requestOf(model, draft) : null;
  const parsed = schema && request ? schema.safeParse(request) : null;
  const valid = parsed?.success ? parsed.data : null;
  const quote = useQuote(model?.id ?? "", valid, takes);
  const submission = useSubmit(onAccepted);
  const balance = useBalance();
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
  const blocker =
    Object.values(localErrors)[0]?.[0] ??
    (short ? `the Venice balance (${formatBalance(balance)}) is short of ${formatPrice(price)}. Top up at venice.ai.` : undefined);

  return (
    <form
      aria-labelledby="create-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (valid && !short) submission.submit(model.id, valid, takes);
      }}
      className="space-y-5 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6 dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <h2 id="create-heading" className="text-lg font-semibold">
        Create
      </h2>
      <ModelPicker models={models} selected={model} onSelect={form.selectModel} />
      {form.dropped.length > 0 ? (
        <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {model.name} does not take: {form.dropped.join(", ")}. These settings were dropped.
        </p>
      ) : null}
      <CapabilityFields model={model} draft={draft} errors={shown} onChange={form.change} />
      <div className="flex flex-wrap items-end justify-between gap-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <TakesPicker takes={takes} onChange={form.setTakes} />
        <PriceTag estimate={estimate} quote={quote.usd} balance={balance} status={!valid ? "idle" : quote.error ? "failed" : "asking"} />
      </div>
      <div className="space-y-2">
        <button
          type="submit"
          disabled={!valid || short || submission.isPending}
          aria-describedby="submit-reason"
          className="w-full rounded-xl bg-accent-600 px-4 py-3 font-semibold text-white hover:bg-accent-700 disabled:cursor-not-allowed disabled:bg-zinc-300 disabled:text-zinc-600 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-400"
        >
          {submission.isPending ? "Sending…" : takes > 1 ? `Create ${takes} takes` : "Create"}
        </button>
        <p id="submit-reason" role={serverFailure ? "alert" : undefined} className="min-h-5 text-sm text-zinc-600 dark:text-zinc-400">
          {serverFailure
            ? // Every refusal says why in its message: the balance, a monthly cap, a field.
              serverFailure.message
            : submission.error && submission.errorBody === body
              ? "The studio could not be reached. Try again: the same click will not be charged twice."
              : blocker
                ? `Not ready: ${blocker}`
                : ""}
        </p>
      </div>
    </form>
  );
}
