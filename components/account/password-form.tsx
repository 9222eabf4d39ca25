"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { InputField } from "@/components/create/field";

type Outcome = { tone: "success" | "error"; text: string } | null;

/** Changes the password through better-auth (POST /api/auth/change-password); the studio signs out the member's other devices. */
export function PasswordForm({ minPasswordLength }: { minPasswordLength: number }) {
  const ids = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [mismatch, setMismatch] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword"));
    if (newPassword !== String(form.get("confirmPassword"))) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setPending(true);
    setOutcome(null);
    try {
      const response = await fetch("/api/auth/change-password", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          currentPassword: String(form.get("currentPassword")),
          newPassword,
        }),
      });
      if (response.ok) {
        formRef.current?.reset();
        setOutcome({ tone: "success", text: "Your password was changed. Your other devices were signed out: use the new password next time you sign in." });
      } else {
        setOutcome({ tone: "error", text: await failureMessage(response) });
      }
    } catch {
      setOutcome({ tone: "error", text: "The studio could not be reached. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="max-w-md space-y-4">
      <InputField type="password" required id={`${ids}-current`} name="currentPassword" label="Current password" autoComplete="current-password" />
      <InputField type="password" required
        id={`${ids}-new`}
        name="newPassword"
        label="New password"
        autoComplete="new-password"
        minLength={minPasswordLength}
        hint={`At least ${minPasswordLength} characters.`}
      />
      <InputField type="password" required
        id={`${ids}-confirm`}
        name="confirmPassword"
        label="New password, again"
        autoComplete="new-password"
        minLength={minPasswordLength}
        errors={mismatch ? ["The two new passwords are not the same."] : undefined}
      />
      {outcome ? (
        <p
          role={outcome.tone === "error" ? "alert" : "status"}
          className={`rounded-lg px-3 py-2 text-sm ${
            outcome.tone === "error"
              ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200"
              : "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
          }`}
        >
          {outcome.text}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}

/** better-auth answers `{message, code}`; the ones a person can act on get the studio's own words. */
async function failureMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string };
  if (response.status === 429) return "Too many attempts. Wait a minute, then try again.";
  if (response.status === 401) return "Your session has ended. Sign in again, then change your password.";
  if (body.code === "INVALID_PASSWORD") return "The current password is not right.";
  if (body.code === "PASSWORD_TOO_SHORT") return "The new password is too short.";
  if (body.code === "PASSWORD_TOO_LONG") return "The new password is too long.";
  return body.message ?? `The studio answered ${response.status}.`;
}
