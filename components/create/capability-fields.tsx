import type { ModelCapabilities } from "@/lib/venice/capabilities";
import type { Draft } from "./draft";
import { DurationField } from "./duration-field";
import { describedBy, Field, inputClass, Toggle } from "./field";
import { languageOptions } from "./languages";
import { RecentPrompts } from "./recent-prompts";
import { TextAreaField } from "./text-area-field";
import { VoiceField } from "./voice-field";

type Props = {
  model: ModelCapabilities;
  draft: Draft;
  errors: Record<string, string[]>;
  onChange: (patch: Partial<Draft>) => void;
  /** Ctrl/⌘+Enter in the prompt or the lyrics. */
  onSubmitShortcut: () => void;
  recentPrompts: readonly string[];
};

/** Every control the selected model's capabilities call for, and nothing else. */
export function CapabilityFields({ model, draft, errors, onChange, onSubmitShortcut, recentPrompts }: Props) {
  const { lyrics } = model;
  const optimizerOn = model.lyricsOptimizer && draft.lyricsOptimizer;
  return (
    <div className="space-y-5">
      <TextAreaField
        id="prompt"
        label={model.kind === "speech" ? "Text to speak" : "Prompt"}
        value={draft.prompt}
        onChange={(prompt) => onChange({ prompt })}
        min={model.prompt.min}
        max={model.prompt.max}
        errors={errors.prompt}
        rows={4}
        placeholder={model.kind === "speech" ? "The words to read aloud" : "Dreamy synth-pop with a driving bassline"}
        onSubmitShortcut={onSubmitShortcut}
        footer={
          <RecentPrompts
            prompts={recentPrompts}
            onPick={(prompt) => {
              onChange({ prompt });
              document.getElementById("prompt")?.focus();
            }}
          />
        }
      />
      {lyrics.mode !== "hidden" ? (
        <TextAreaField
          id="lyrics"
          label={lyrics.mode === "required" ? "Lyrics" : "Lyrics (optional)"}
          value={draft.lyrics}
          onChange={(value) => onChange({ lyrics: value })}
          min={lyrics.mode === "required" ? lyrics.min : undefined}
          max={lyrics.max}
          errors={errors.lyrics_prompt}
          rows={5}
          disabled={optimizerOn}
          note={optimizerOn ? "The optimizer writes them" : undefined}
          placeholder={optimizerOn ? "The lyrics optimizer writes the lyrics" : "[Verse]\nYour words here"}
          onSubmitShortcut={onSubmitShortcut}
        />
      ) : null}
      {model.lyricsOptimizer || model.instrumental || model.loop ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {model.lyricsOptimizer ? (
            <Toggle
              id="lyrics-optimizer"
              label="Lyrics optimizer"
              description="Venice writes the lyrics from your prompt; yours come back when you turn it off."
              checked={draft.lyricsOptimizer}
              // The form sets the creator's lyrics aside while it is on (settleOptimizer).
              onChange={(lyricsOptimizer) => onChange({ lyricsOptimizer })}
            />
          ) : null}
          {model.instrumental ? (
            <Toggle
              id="instrumental"
              label="Instrumental"
              description="No vocals."
              checked={draft.instrumental}
              onChange={(instrumental) => onChange({ instrumental })}
            />
          ) : null}
          {model.loop ? (
            <Toggle id="loop" label="Loop" description="Ends where it starts, for seamless repeats." checked={draft.loop} onChange={(loop) => onChange({ loop })} />
          ) : null}
        </div>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        {model.voice ? (
          // Keyed by model so a custom id chosen for one model does not stay open on the next.
          <VoiceField key={model.id} voice={model.voice} value={draft.voice} onChange={(voice) => onChange({ voice })} errors={errors.voice} />
        ) : null}
        {model.language ? (
          <Field id="language" label="Language" errors={errors.language_code}>
            <select id="language" value={draft.language} onChange={(event) => onChange({ language: event.target.value })} className={inputClass} {...describedBy("language", errors.language_code)}>
              <option value="">Automatic</option>
              {languageOptions().map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {model.speed ? (
          <Field id="speed" label="Speed" hint={`${draft.speed ?? model.speed.default}×`} errors={errors.speed}>
            <input
              id="speed"
              type="range"
              min={model.speed.min}
              max={model.speed.max}
              step={0.05}
              value={draft.speed ?? model.speed.default}
              onChange={(event) => onChange({ speed: Number(event.target.value) })}
              aria-valuetext={`${draft.speed ?? model.speed.default} times`}
              className="w-full accent-accent-600"
              {...describedBy("speed", errors.speed, true)}
            />
          </Field>
        ) : null}
        {model.duration ? (
          <DurationField duration={model.duration} value={draft.durationSeconds} onChange={(durationSeconds) => onChange({ durationSeconds })} errors={errors.duration_seconds} />
        ) : (
          <ModelSetLength model={model} />
        )}
      </div>
    </div>
  );
}

/**
 * A model that takes no duration but is priced by length (Seed Audio) bills the length it
 * publishes as its default: Venice holds that much at queue time and settles on the real length.
 */
function ModelSetLength({ model }: { model: ModelCapabilities }) {
  const seconds = model.defaultDurationSeconds;
  const pricedByLength = "per_second" in model.pricing || "durations" in model.pricing;
  if (seconds === undefined || !pricedByLength) return null;
  return (
    <div className="space-y-1.5">
      <p className="text-sm font-medium">Length</p>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Up to {seconds} s, set by the model. The price of {seconds} s is held when the job starts; you pay for the real length.
      </p>
    </div>
  );
}
