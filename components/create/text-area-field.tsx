import type { ReactNode } from "react";
import { describedBy, Field, inputClass } from "./field";

/**
 * A text area with the model's length limits as a live counter. With `onSubmitShortcut`,
 * Ctrl+Enter (⌘+Enter on a Mac) in it asks for a submit; `footer` goes under it.
 */
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
  onSubmitShortcut,
  footer,
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
  onSubmitShortcut?: () => void;
  footer?: ReactNode;
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
        onKeyDown={(event) => {
          if (!onSubmitShortcut || event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.nativeEvent.isComposing) return;
          event.preventDefault();
          onSubmitShortcut();
        }}
        aria-keyshortcuts={onSubmitShortcut ? "Control+Enter Meta+Enter" : undefined}
        className={`${inputClass} resize-y`}
        {...describedBy(id, errors, true)}
      />
      {footer}
    </Field>
  );
}
