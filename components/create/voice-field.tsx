import { useRef, useState } from "react";
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import { describedBy, Field, inputClass } from "./field";

// The select's value for "type your own"; no Venice voice is named like this.
const CUSTOM = "\u0000custom";

/**
 * The model's voices as a select. Where the model also takes a raw voice id, a last option
 * reveals a text input for it; the id is checked by the shared request schema like any voice.
 */
export function VoiceField({
  voice,
  value,
  onChange,
  errors,
}: {
  voice: NonNullable<ModelCapabilities["voice"]>;
  value: string;
  onChange: (voice: string) => void;
  errors: string[] | undefined;
}) {
  const [customChosen, setCustomChosen] = useState(false);
  // Set when the creator picks "Custom voice id…", so the input that appears takes the focus.
  const focusCustomInput = useRef(false);
  const custom = voice.allowCustom && (customChosen || !voice.options.includes(value));
  const fallback = voice.default ? `the default voice (${voice.default})` : "Venice's default voice";

  return (
    <Field id="voice" label="Voice" errors={errors}>
      <select
        id="voice"
        value={custom ? CUSTOM : value}
        onChange={(event) => {
          const chosen = event.target.value;
          setCustomChosen(chosen === CUSTOM);
          focusCustomInput.current = chosen === CUSTOM;
          onChange(chosen === CUSTOM ? "" : chosen);
        }}
        className={inputClass}
        {...describedBy("voice", custom ? undefined : errors)}
      >
        {voice.options.map((option) => (
          <option key={option} value={option}>
            {option}
            {option === voice.default ? " (default)" : ""}
          </option>
        ))}
        {voice.allowCustom ? <option value={CUSTOM}>Custom voice id…</option> : null}
      </select>
      {custom ? (
        <div className="space-y-1 pt-1">
          <label htmlFor="voice-custom" className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
            Custom voice id
          </label>
          <input
            id="voice-custom"
            ref={(node) => {
              if (node && focusCustomInput.current) {
                focusCustomInput.current = false;
                node.focus();
              }
            }}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            placeholder="An ElevenLabs voice id"
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} font-mono`}
            aria-describedby={["voice-custom-hint", errors?.length ? "voice-error" : ""].filter(Boolean).join(" ")}
            aria-invalid={errors?.length ? true : undefined}
          />
          <p id="voice-custom-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
            Leave it empty for {fallback}.
          </p>
        </div>
      ) : null}
    </Field>
  );
}
