"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { OneTimeLink } from "@/components/one-time-link";
import { SubmitButton } from "@/components/submit-button";
import { LocalTime } from "@/components/team/local-time";
import { ROLE_LABELS } from "@/components/team/role-labels";
import { type Announce, createInvite, failureText, invitesKey } from "@/components/team/team-api";
import type { CreatedInvite } from "@/lib/api/team/create-invite";
import type { InvitableRole } from "@/lib/api/team/team-policy";

const EXPIRY_CHOICES = [
  { label: "1 hour", hours: 1 },
  { label: "1 day", hours: 24 },
  { label: "3 days", hours: 72 },
  { label: "7 days", hours: 168 },
  { label: "30 days", hours: 720 },
] as const;
const DEFAULT_EXPIRY_HOURS = "72";

type Props = { invitableRoles: InvitableRole[]; announce: Announce };

/** Makes a single-use invite link and shows it this once, with Copy. */
export function InviteForm({ invitableRoles, announce }: Props) {
  const ids = useId();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<InvitableRole>("member");
  const [hours, setHours] = useState(DEFAULT_EXPIRY_HOURS);
  const [created, setCreated] = useState<CreatedInvite | null>(null);

  const create = useMutation({
    mutationFn: () => createInvite(role, Number(hours)),
    onSuccess: (invite) => {
      setCreated(invite);
      announce("Invite link created. Copy it now: it is shown only once.");
      void queryClient.invalidateQueries({ queryKey: invitesKey });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  const field = "mt-1 w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950";
  const onlyMembers = invitableRoles.length === 1;

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor={`${ids}-role`} className="block text-sm font-medium">Joins as</label>
          <select
            id={`${ids}-role`}
            value={role}
            onChange={(e) => setRole(e.target.value as InvitableRole)}
            aria-describedby={onlyMembers ? `${ids}-role-hint` : undefined}
            className={field}
          >
            {invitableRoles.map((choice) => (
              <option key={choice} value={choice}>{ROLE_LABELS[choice]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${ids}-expiry`} className="block text-sm font-medium">Link works for</label>
          <select id={`${ids}-expiry`} value={hours} onChange={(e) => setHours(e.target.value)} className={field}>
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.hours} value={choice.hours}>{choice.label}</option>
            ))}
          </select>
        </div>
        <SubmitButton pending={create.isPending} busyLabel="Creating…">
          Create invite link
        </SubmitButton>
      </form>
      {onlyMembers ? (
        <p id={`${ids}-role-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          Only the owner can invite admins. You can make a member an admin once they have joined.
        </p>
      ) : null}
      {create.error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {failureText(create.error)}
        </p>
      ) : null}

      {created ? (
        <OneTimeLink
          testId="new-invite"
          url={created.url}
          label={`Invite link for a new ${ROLE_LABELS[created.role].toLowerCase()}`}
          hint={
            <>
              Copy it now: the studio cannot show this link again. It creates one account and works until{" "}
              <LocalTime iso={created.expiresAt} format="dateTime" />.
            </>
          }
          copiedMessage="Invite link copied."
          announce={announce}
        />
      ) : null}
    </div>
  );
}
