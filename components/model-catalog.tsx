import type { ModelCapabilities, ModelKind } from "@/lib/venice/capabilities";

const GROUPS: { kind: ModelKind; title: string; blurb: string }[] = [
  { kind: "music", title: "Music", blurb: "Songs, instrumentals and beds" },
  { kind: "sound-effect", title: "Sound effects", blurb: "Foley, ambiences and one-shots" },
  { kind: "speech", title: "Speech", blurb: "Voice-over from text" },
];

/** A published rate as Venice lists it ($0.115, $0.002875), without float noise, at least to the cent. */
function usd(amount: number) {
  const exact = Number(amount.toPrecision(4));
  const decimals = String(exact).split(".")[1]?.length ?? 0;
  return `$${exact.toFixed(Math.max(2, decimals))}`;
}

/** How a model is priced, in one short phrase. */
function priceHint({ pricing }: ModelCapabilities): string {
  if ("generation" in pricing) return `${usd(pricing.generation.usd)} per track`;
  if ("per_second" in pricing) return `${usd(pricing.per_second.usd)} per second`;
  if ("per_thousand_characters" in pricing) return `${usd(pricing.per_thousand_characters.usd)} per 1,000 characters`;
  const tiers = Object.values(pricing.durations).sort((a, b) => a.usd - b.usd);
  const cheapest = tiers[0]!;
  return `from ${usd(cheapest.usd)} (up to ${cheapest.max_seconds} s)`;
}

function features(model: ModelCapabilities): string[] {
  const list: string[] = [];
  if (model.lyrics.mode === "required") list.push("Lyrics required");
  else if (model.lyrics.mode === "optional") list.push("Lyrics");
  if (model.lyricsOptimizer) list.push("Auto lyrics");
  if (model.instrumental) list.push("Instrumental");
  if (model.loop) list.push("Loop");
  if (model.voice) list.push(`${model.voice.options.length} voices`);
  if (model.speed) list.push("Speed");
  if (model.language) list.push("Language");
  if (model.duration?.kind === "options") list.push(`${model.duration.options.join(" / ")} s`);
  if (model.duration?.kind === "range") list.push(`${model.duration.min}–${model.duration.max} s`);
  if (model.defaultFormat) list.push(model.defaultFormat.toUpperCase());
  return list;
}

export function ModelCatalog({ models }: { models: ModelCapabilities[] }) {
  return (
    <div className="space-y-10">
      {GROUPS.map((group) => {
        const inGroup = models.filter((model) => model.kind === group.kind);
        if (inGroup.length === 0) return null;
        return (
          <section key={group.kind} aria-labelledby={`group-${group.kind}`}>
            <div className="mb-4 flex items-baseline gap-3">
              <h2 id={`group-${group.kind}`} className="text-lg font-semibold">
                {group.title}
              </h2>
              <p className="text-sm text-zinc-500 dark:text-zinc-400">{group.blurb}</p>
            </div>
            <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {inGroup.map((model) => (
                <li
                  key={model.id}
                  className="flex flex-col rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
                >
                  <div className="flex items-start justify-between gap-3">
                    <h3 className="font-medium">{model.name}</h3>
                    <span className="shrink-0 text-sm tabular-nums text-accent-700 dark:text-accent-400">{priceHint(model)}</span>
                  </div>
                  <p className="mt-0.5 font-mono text-xs text-zinc-500 dark:text-zinc-400">{model.id}</p>
                  <ul className="mt-3 flex flex-wrap gap-1.5" aria-label={`${model.name} features`}>
                    {features(model).map((feature) => (
                      <li
                        key={feature}
                        className="rounded-md bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
                      >
                        {feature}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
