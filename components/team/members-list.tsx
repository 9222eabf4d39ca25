"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { LocalTime } from "@/components/team/local-time";
import { RemoveMemberDialog } from "@/components/team/remove-member-dialog";
import { ROLE_LABELS } from "@/components/team/role-labels";
import { type Announce, changeRole, failureText, fetchMembers, membersKey } from "@/components/team/team-api";
import type { TeamMember } from "@/lib/api/team/team-member-view";

type Props = { viewerId: string; initialMembers: TeamMember[]; announce: Announce };

/** Everyone in the studio: role select and Remove where the viewer's role allows (the server says which). */
export function MembersList({ viewerId, initialMembers, announce }: Props) {
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const members = useQuery({ queryKey: membersKey, queryFn: ({ signal }) => fetchMembers(signal), initialData: initialMembers });

  const roleChange = useMutation({
    mutationFn: ({ member, role }: { member: TeamMember; role: "admin" | "member" }) => changeRole(member.id, role),
    onSuccess: (updated) => {
      queryClient.setQueryData<TeamMember[]>(membersKey, (list) => list?.map((m) => (m.id === updated.id ? updated : m)));
      announce(`${updated.name} is now ${updated.role === "admin" ? "an admin" : "a member"}.`);
    },
    onError: (error) => announce(failureText(error), "error"),
  });

  return (
    <>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {members.data.map((member) => (
          <li key={member.id} data-testid="member-row" data-member-id={member.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3 sm:flex-nowrap">
            <div className="min-w-0 basis-full sm:basis-auto sm:flex-1">
              <p className="truncate font-medium">
                {member.name}
                {member.id === viewerId ? <span className="font-normal text-zinc-600 dark:text-zinc-400"> (you)</span> : null}
              </p>
              <p className="text-sm text-zinc-600 wrap-anywhere dark:text-zinc-400">
                {member.email} · joined <LocalTime iso={member.createdAt} />
              </p>
            </div>
            <div className="w-32 shrink-0">
              {member.canChangeRole ? (
                <>
                  <label htmlFor={`role-${member.id}`} className="sr-only">Role of {member.name}</label>
                  <select
                    id={`role-${member.id}`}
                    value={member.role}
                    disabled={roleChange.isPending && roleChange.variables?.member.id === member.id}
                    onChange={(e) => roleChange.mutate({ member, role: e.target.value as "admin" | "member" })}
                    className="w-full rounded-lg border border-zinc-300 bg-white py-1.5 pr-8 pl-2.5 text-sm disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950"
                  >
                    <option value="member">Member</option>
                    <option value="admin">Admin</option>
                  </select>
                </>
              ) : (
                <span className="inline-block py-1.5 pl-2.5 text-sm">{ROLE_LABELS[member.role]}</span>
              )}
            </div>
            <div className="ml-auto w-20 shrink-0 text-right">
              {member.canRemove ? (
                <button
                  type="button"
                  onClick={() => setRemoving(member)}
                  aria-label={`Remove ${member.name}`}
                  className="rounded-lg px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
                >
                  Remove
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {removing ? (
        <RemoveMemberDialog
          member={removing}
          onRemoved={() => {
            queryClient.setQueryData<TeamMember[]>(membersKey, (list) => list?.filter((m) => m.id !== removing.id));
            announce(`${removing.name} was removed from the studio.`);
          }}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </>
  );
}
