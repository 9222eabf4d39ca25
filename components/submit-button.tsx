import type { ReactNode } from "react";

/** A form's primary submit button: disabled, and saying `busyLabel`, while the form's request runs. */
export function SubmitButton({ pending, busyLabel, children }: { pending: boolean; busyLabel: string; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700 disabled:opacity-60"
    >
      {pending ? busyLabel : children}
    </button>
  );
}
