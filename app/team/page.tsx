import type { Metadata } from "next";
import { AppHeader } from "@/components/app-header";
import { PageMain } from "@/components/page-main";
import { TeamView } from "@/components/team/team-view";
import { invitableRoles } from "@/lib/api/team/team-policy";
import { listInvites } from "@/lib/api/team/list-invites";
import { listMembers } from "@/lib/api/team/list-members";
import { requirePageMember } from "@/lib/auth/page-member";
import { studioSettings } from "@/lib/auth/studio-settings";

export const metadata: Metadata = { title: "Team · Venice Studio" };
export const dynamic = "force-dynamic";

export default async function TeamPage() {
  const member = await requirePageMember("admin");
  const [{ members }, { invites }, { openSignUp }] = await Promise.all([listMembers(member), listInvites(member), studioSettings()]);
  return (
    <>
      <AppHeader member={member} title="Team" />
      <PageMain className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
        <TeamView
          viewer={{ id: member.id, isOwner: member.role === "owner" }}
          members={members}
          invites={invites}
          invitableRoles={invitableRoles(member)}
          openSignUp={openSignUp}
        />
      </PageMain>
    </>
  );
}
