"use client";

import { useMutation } from "@tanstack/react-query";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { failureText, removeMember } from "@/components/team/team-api";
import type { TeamMember } from "@/lib/api/team/team-member-view";

type Props = { member: TeamMember; onRemoved: () => void; onClose: () => void };

/** Asks before removing someone; once removed, the dialog closes (focus back to the row's Remove button). */
export function RemoveMemberDialog({ member, onRemoved, onClose }: Props) {
  const removal = useMutation({ mutationFn: () => removeMember(member.id), onSuccess: onRemoved });

  return (
    <ConfirmDialog
      title={`Remove ${member.name}?`}
      error={removal.error ? failureText(removal.error) : null}
      busy={removal.isPending}
      busyLabel="Removing…"
      confirmLabel={`Remove ${member.name}`}
      onConfirm={(close) => removal.mutate(undefined, { onSuccess: close })}
      onClose={onClose}
    >
      {member.email} is signed out at once and can no longer sign in. Their tracks stay in the library and their spend
      stays in the ledger, under “Former member”.
    </ConfirmDialog>
  );
}
