import { groupByKind } from "@/lib/browser/model-view";
import { priceHint } from "@/lib/browser/price-hint";
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import { Field, inputClass } from "./field";

/** What a model does, in a few words, from its capabilities. */
function summary(model: ModelCapabilities): string {
  const parts: string[] = [];
  if (model.lyrics.mode === "required") parts.push("lyrics required");
  else if (model.lyrics.mode === "optional") parts.push("optional lyrics");
  if (model.lyricsOptimizer) parts.push("writes lyrics");
  if (model.instrumental) parts.push("instrumental");
  if (model.loop) parts.push("loops");
  if (model.voice) parts.push(`${model.voice.options.length} voices`);
  if (model.language) parts.push("any language");
  if (model.duration?.kind === "options") parts.push(`${model.duration.options.join(" / ")} s`);
  if (model.duration?.kind === "range") parts.push(`${model.duration.min}–${model.duration.max} s`);
  return parts.join(" · ");
}

export function ModelPicker({
  models,
  selected,
  onSelect,
}: {
  models: readonly ModelCapabilities[];
  selected: ModelCapabilities;
  onSelect: (id: string) => void;
}) {
  return (
    <Field id="model" label="Model">
      <select id="model" value={selected.id} onChange={(event) => onSelect(event.target.value)} className={inputClass} aria-describedby="model-summary">
        {groupByKind(models).map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name} — {priceHint(model)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id="model-summary" className="text-xs text-zinc-500 dark:text-zinc-400">
        {selected.description ? <span className="block text-sm text-zinc-700 dark:text-zinc-300">{selected.description}</span> : null}
        <span className="font-medium text-zinc-700 dark:text-zinc-300">{priceHint(selected)}</span>
        {summary(selected) ? ` · ${summary(selected)}` : ""}
      </p>
    </Field>
  );
}
