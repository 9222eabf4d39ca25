"use client";

import { useCallback, useState } from "react";
import { InviteForm } from "@/components/team/invite-form";
import { InvitesList } from "@/components/team/invites-list";
import { MembersList } from "@/components/team/members-list";
import { Panel } from "@/components/team/panel";
import { SignUpSetting } from "@/components/team/sign-up-setting";
import { Toast, type ToastMessage } from "@/components/toast";
import type { InvitableRole } from "@/lib/api/team/team-policy";
import type { TeamInvite } from "@/lib/api/team/team-invite-view";
import type { TeamMember } from "@/lib/api/team/team-member-view";

type Props = {
  viewer: { id: string; isOwner: boolean };
  members: TeamMember[];
  invites: TeamInvite[];
  invitableRoles: InvitableRole[];
  openSignUp: boolean;
};

/** The team page: members and their roles, invite links, and who may sign up. */
export function TeamView({ viewer, members, invites, invitableRoles, openSignUp }: Props) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const announce = useCallback((text: string, tone?: "error") => setToast({ id: Date.now(), text, tone }), []);
  const dismiss = useCallback(() => setToast(null), []);

  return (
    <div className="space-y-6">
      <Panel id="members" title="Members" intro="Admins invite people, change roles and remove members. Only the owner removes admins.">
        <MembersList viewerId={viewer.id} initialMembers={members} announce={announce} />
      </Panel>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Panel id="invite" title="Invite someone" intro="Each link creates one account, with the role you pick, until it expires.">
          <InviteForm invitableRoles={invitableRoles} announce={announce} />
        </Panel>
        <Panel id="sign-up" title="Sign-up">
          <SignUpSetting initialOpen={openSignUp} canChange={viewer.isOwner} announce={announce} />
        </Panel>
      </div>
      <Panel id="invites" title="Invite links" intro="Links that still work, and those of the last 30 days. The links themselves are never stored, so they can't be shown again.">
        <InvitesList viewerId={viewer.id} initialInvites={invites} announce={announce} />
      </Panel>
      <Toast toast={toast} onDismiss={dismiss} />
    </div>
  );
}
