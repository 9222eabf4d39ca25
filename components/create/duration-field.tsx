import type { DurationCapability } from "@/lib/venice/capabilities";
import { describedBy, Field, inputClass } from "./field";

/** The model's duration: a select of its options, or a slider over its range. */
export function DurationField({
  duration,
  value,
  onChange,
  errors,
}: {
  duration: DurationCapability;
  value: number | undefined;
  onChange: (seconds: number) => void;
  errors: string[] | undefined;
}) {
  const id = "duration";
  const seconds = value ?? duration.default;
  if (duration.kind === "options") {
    return (
      <Field id={id} label="Duration" errors={errors}>
        <select
          id={id}
          value={seconds}
          onChange={(event) => onChange(Number(event.target.value))}
          className={inputClass}
          {...describedBy(id, errors)}
        >
          {duration.options.map((option) => (
            <option key={option} value={option}>
              {option} seconds
            </option>
          ))}
        </select>
      </Field>
    );
  }
  return (
    <Field id={id} label="Duration" hint={`${seconds} s (${duration.min}–${duration.max} s)`} errors={errors}>
      <input
        id={id}
        type="range"
        min={duration.min}
        max={duration.max}
        step={1}
        value={seconds}
        onChange={(event) => onChange(Number(event.target.value))}
        aria-valuetext={`${seconds} seconds`}
        className="w-full accent-accent-600"
        {...describedBy(id, errors, true)}
      />
    </Field>
  );
}
