import type { Metadata } from "next";
import { PasswordForm } from "@/components/account/password-form";
import { AppHeader } from "@/components/app-header";
import { PageMain } from "@/components/page-main";
import { OwnSpendSummary } from "@/components/spend/own-spend-summary";
import { LocalTime } from "@/components/team/local-time";
import { Panel } from "@/components/team/panel";
import { ROLE_LABELS } from "@/components/team/role-labels";
import { getOwnSpend } from "@/lib/api/spend/get-own-spend";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { requirePageMember } from "@/lib/auth/page-member";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Account · Venice Studio" };
export const dynamic = "force-dynamic";

const ROLE_DESCRIPTIONS = {
  owner: "You set this studio up: you manage the team, its admins and who may sign up.",
  admin: "You invite people, change roles, remove members and see the ledger.",
  member: "You make, listen to, download and manage your own tracks, and hear the whole team's.",
} as const;

export default async function AccountPage() {
  const member = await requirePageMember();
  const [{ createdAt }, spend] = await Promise.all([
    (await db()).user.findUniqueOrThrow({ where: { id: member.id }, select: { createdAt: true } }),
    getOwnSpend(member),
  ]);
  const details = [
    { term: "Name", value: member.name },
    { term: "Email", value: member.email },
    {
      term: "Role",
      value: (
        <>
          <span className="font-medium">{ROLE_LABELS[member.role]}</span>
          <span className="text-zinc-600 dark:text-zinc-400"> · {ROLE_DESCRIPTIONS[member.role]}</span>
        </>
      ),
    },
    { term: "Member since", value: <LocalTime iso={createdAt.toISOString()} /> },
  ];
  return (
    <>
      <AppHeader member={member} title="Account" />
      <PageMain className="mx-auto max-w-3xl space-y-6 px-4 pb-16 sm:px-6">
        <Panel id="profile" title="Your account">
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[9rem_1fr] sm:gap-y-3">
            {details.map(({ term, value }) => (
              <div key={term} className="contents">
                <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
                <dd className="break-words max-sm:mb-3">{value}</dd>
              </div>
            ))}
          </dl>
        </Panel>
        <Panel id="spend" title="Your spend this month">
          <OwnSpendSummary spend={spend} />
        </Panel>
        <Panel id="password" title="Change password" intro="You need your current password. Your other devices are signed out when it changes.">
          <PasswordForm minPasswordLength={MIN_PASSWORD_LENGTH} />
        </Panel>
      </PageMain>
    </>
  );
}
