"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { InputField } from "@/components/create/field";

type Mode = "sign-in" | "sign-up";

/**
 * Email + password against better-auth's endpoints; on success, into the studio. With
 * `ownerSetup` (a fresh studio's first sign-up) it also asks for the setup code from the
 * start-up log, filled in when the visitor came by the link printed there.
 */
export function AuthForm({
  mode,
  inviteToken,
  ownerSetup,
  minPasswordLength,
}: {
  mode: Mode;
  inviteToken?: string;
  ownerSetup?: { code: string };
  minPasswordLength: number;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { ...Object.fromEntries(form), ...(inviteToken && { inviteToken }) };
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/auth/${mode}/email`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (response.ok) {
        router.replace("/");
        router.refresh();
        return;
      }
      setError(await failureMessage(response));
    } catch {
      setError("The studio could not be reached. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-describedby={error ? "auth-error" : undefined}>
      {ownerSetup ? (
        <InputField
          id="setupCode"
          name="setupCode"
          label="Setup code"
          hint="Printed in the studio's start-up log."
          defaultValue={ownerSetup.code}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
      ) : null}
      {mode === "sign-up" ? <InputField id="name" name="name" label="Your name" autoComplete="name" required /> : null}
      <InputField id="email" name="email" label="Email" type="email" autoComplete="email" required />
      <InputField
        id="password"
        name="password"
        required
        label="Password"
        type="password"
        autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
        minLength={mode === "sign-up" ? minPasswordLength : undefined}
        hint={mode === "sign-up" ? `At least ${minPasswordLength} characters.` : undefined}
      />
      {error ? (
        <p id="auth-error" role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-xl bg-accent-600 px-4 py-3 font-semibold text-white hover:bg-accent-700 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "One moment…" : mode === "sign-up" ? "Create account" : "Sign in"}
      </button>
    </form>
  );
}

/** better-auth answers `{message, code}`; a few codes get the studio's own words. */
async function failureMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string };
  // This address failed too often on this account: the studio's message says for how long.
  if (body.code === "TOO_MANY_FAILED_SIGN_INS" && body.message) return body.message;
  if (response.status === 429) return "Too many attempts. Wait a minute, then try again.";
  if (body.code === "INVALID_EMAIL_OR_PASSWORD") return "That email and password do not match an account.";
  if (body.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" || body.code === "USER_ALREADY_EXISTS") return "An account with this email already exists. Sign in instead.";
  if (body.code === "PASSWORD_TOO_SHORT") return "The password is too short.";
  return body.message ?? `The studio answered ${response.status}.`;
}
