import type { InputHTMLAttributes, ReactNode } from "react";

/** A labelled control with its hint and inline errors, tied together for screen readers. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[] | undefined;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {hint ? (
          <span id={`${id}-hint`} className="text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
            {hint}
          </span>
        ) : null}
      </div>
      {children}
      {errors?.map((message) => (
        <p key={message} id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {message}
        </p>
      ))}
    </div>
  );
}

/** aria attributes for a control inside Field. */
export function describedBy(id: string, errors: string[] | undefined, hasHint = false) {
  const ids = [hasHint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": errors?.length ? true : undefined };
}

export const inputClass =
  "w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-zinc-400 " +
  "aria-invalid:border-red-500 disabled:cursor-not-allowed disabled:opacity-60 " +
  "dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-500";

export function Toggle({
  id,
  label,
  description,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  description: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-start gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-description`}
        className="mt-0.5 size-4 accent-accent-600"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-description`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {description}
        </p>
      </div>
    </div>
  );
}

/** A labelled input in a Field, its hint and errors announced with it. */
export function InputField({
  id,
  label,
  hint,
  errors,
  ...input
}: { id: string; label: string; hint?: string; errors?: string[] } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <input id={id} className={inputClass} {...describedBy(id, errors, Boolean(hint))} {...input} />
    </Field>
  );
}
