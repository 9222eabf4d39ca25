import { describedBy, Field, inputClass } from "./field";

/** A text area with the model's length limits as a live counter. */
export function TextAreaField({
  id,
  label,
  value,
  onChange,
  min,
  max,
  errors,
  rows,
  placeholder,
  disabled,
  note,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: number | undefined;
  max?: number | undefined;
  errors?: string[] | undefined;
  rows: number;
  placeholder: string;
  disabled?: boolean;
  note?: string | undefined;
}) {
  const length = value.trim().length;
  const counter = max === undefined ? `${length}${min ? ` / min ${min}` : ""}` : `${length} / ${max}`;
  const hint = (
    <>
      {note ? `${note} · ` : ""}
      <span className={(max !== undefined && length > max) || (min !== undefined && length > 0 && length < min) ? "text-red-700 dark:text-red-400" : ""}>
        {counter}
        {min && max !== undefined ? ` (min ${min})` : ""}
      </span>
    </>
  );
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <textarea
        id={id}
        rows={rows}
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        className={`${inputClass} resize-y`}
        {...describedBy(id, errors, true)}
      />
    </Field>
  );
}
