"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ROLE_LABELS } from "@/components/team/role-labels";
import { Panel } from "@/components/team/panel";
import type { Caps } from "@/lib/api/caps/get-caps";
import { CapRow } from "./cap-row";
import { capsKey, fetchCaps, monthName, setMemberCap, setStudioCap } from "./ledger-api";

/** The studio's monthly cap and each member's, with this month's spend against them. */
export function CapsPanel({ initialCaps }: { initialCaps: Caps }) {
  const queryClient = useQueryClient();
  const caps = useQuery({ queryKey: capsKey, queryFn: ({ signal }) => fetchCaps(signal), initialData: initialCaps });
  const { month, studio, members } = caps.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: capsKey });

  return (
    <Panel
      id="caps"
      title="Monthly caps"
      intro={
        <>
          Spend in {monthName(month)} (caps reset at 00:00 UTC on the 1st). A track that would take a member or the studio past a cap is
          refused before Venice is asked to make it. Leave a cap empty for none.
        </>
      }
    >
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        <CapRow
          id="studio"
          name="Whole studio"
          detail="Everyone together"
          spentUsd={studio.spentUsd}
          capUsd={studio.capUsd}
          lockedReason={null}
          save={(capUsd) => setStudioCap(capUsd).then(refresh)}
        />
        {members.map((member) => (
          <CapRow
            key={member.id}
            id={member.id}
            name={member.name}
            detail={ROLE_LABELS[member.role]}
            spentUsd={member.spentUsd}
            capUsd={member.capUsd}
            lockedReason={member.canSet ? null : "Only the owner sets the owner's cap."}
            save={(capUsd) => setMemberCap(member.id, capUsd).then(refresh)}
          />
        ))}
      </ul>
    </Panel>
  );
}
