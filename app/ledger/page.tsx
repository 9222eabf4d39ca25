import type { Metadata } from "next";
import { AppHeader } from "@/components/app-header";
import { CapsPanel } from "@/components/ledger/caps-panel";
import { LedgerView } from "@/components/ledger/ledger-view";
import { MemberLedgerNote } from "@/components/ledger/member-ledger-note";
import { PageMain } from "@/components/page-main";
import { getCaps } from "@/lib/api/caps/get-caps";
import { listLedger } from "@/lib/api/ledger/list-ledger";
import { getOwnSpend } from "@/lib/api/spend/get-own-spend";
import { listCapSetters } from "@/lib/api/spend/list-cap-setters";
import { hasRole, type Member } from "@/lib/auth/member";
import { requirePageMember } from "@/lib/auth/page-member";

export const metadata: Metadata = { title: "Ledger · Venice Studio" };
export const dynamic = "force-dynamic";

export default async function LedgerPage() {
  const member = await requirePageMember();
  return (
    <>
      <AppHeader member={member} title="Ledger" />
      <PageMain className="mx-auto max-w-6xl space-y-6 px-4 pb-16 sm:px-6">
        {hasRole(member, "admin") ? await adminLedger(member) : await memberNote(member)}
      </PageMain>
    </>
  );
}

/** Admins and the owner: the caps and the whole team's ledger. */
async function adminLedger(member: Member) {
  const [ledger, caps] = await Promise.all([listLedger(undefined), getCaps(member)]);
  return (
    <>
      <CapsPanel initialCaps={caps} />
      <LedgerView initialLedger={ledger} />
    </>
  );
}

/** A member is told whose page this is, with their own month, instead of being sent away. */
async function memberNote(member: Member) {
  const [spend, setters] = await Promise.all([getOwnSpend(member), listCapSetters()]);
  return <MemberLedgerNote spend={spend} setters={setters} />;
}
