"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LocalTime } from "@/components/team/local-time";
import { ROLE_LABELS } from "@/components/team/role-labels";
import { type Announce, failureText, fetchInvites, invitesKey, revokeInvite } from "@/components/team/team-api";
import type { InviteStatus, TeamInvite } from "@/lib/api/team/team-invite-view";

const STATUS_STYLES: Readonly<Record<InviteStatus, { label: string; className: string }>> = {
  pending: { label: "Pending", className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" },
  used: { label: "Used", className: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" },
  expired: { label: "Expired", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  revoked: { label: "Revoked", className: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200" },
};

type Props = { viewerId: string; initialInvites: TeamInvite[]; announce: Announce };

/** The links that can still be used (with Revoke) and the recent ones that can't. */
export function InvitesList({ viewerId, initialInvites, announce }: Props) {
  const queryClient = useQueryClient();
  const invites = useQuery({ queryKey: invitesKey, queryFn: ({ signal }) => fetchInvites(signal), initialData: initialInvites });
  const revoke = useMutation({
    mutationFn: (invite: TeamInvite) => revokeInvite(invite.id),
    onSuccess: (revoked) => {
      queryClient.setQueryData<TeamInvite[]>(invitesKey, (list) => list?.map((invite) => (invite.id === revoked.id ? revoked : invite)));
      announce("Invite link revoked: it no longer works.");
    },
    onError: (error) => announce(failureText(error), "error"),
  });

  if (invites.data.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No invite links yet.</p>;
  }
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {invites.data.map((invite) => (
        <li
          key={invite.id}
          data-testid="invite-row"
          data-invite-id={invite.id}
          data-status={invite.status}
          className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3 sm:flex-nowrap"
        >
          <div id={`invite-${invite.id}`} className="min-w-0 basis-full text-sm sm:basis-auto sm:flex-1">
            <p className="font-medium">
              {ROLE_LABELS[invite.role]} invite <span className="font-normal text-zinc-600 dark:text-zinc-400">by {invite.createdBy.id === viewerId ? "you" : invite.createdBy.name}</span>
            </p>
            <p className="text-zinc-600 wrap-anywhere dark:text-zinc-400">
              <InviteDetail invite={invite} />
            </p>
          </div>
          <div className="shrink-0 sm:w-20 sm:text-center">
            <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_STYLES[invite.status].className}`}>
              {STATUS_STYLES[invite.status].label}
            </span>
          </div>
          <div className="ml-auto w-20 shrink-0 text-right">
            {invite.status === "pending" ? (
              <button
                type="button"
                onClick={() => revoke.mutate(invite)}
                disabled={revoke.isPending && revoke.variables?.id === invite.id}
                aria-describedby={`invite-${invite.id}`}
                className="rounded-lg px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60 dark:text-red-400 dark:hover:bg-red-950"
              >
                Revoke
              </button>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

function InviteDetail({ invite }: { invite: TeamInvite }) {
  if (invite.status === "used") {
    return <>Joined {invite.usedByEmail ? `as ${invite.usedByEmail} ` : ""}on <LocalTime iso={invite.usedAt!} /></>;
  }
  if (invite.status === "revoked") return <>Revoked on <LocalTime iso={invite.revokedAt!} /></>;
  if (invite.status === "expired") return <>Expired on <LocalTime iso={invite.expiresAt} /></>;
  return <>Works until <LocalTime iso={invite.expiresAt} format="dateTime" /></>;
}
