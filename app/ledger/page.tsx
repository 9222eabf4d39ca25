import type { Metadata } from "next";
import { CapsPanel } from "@/components/ledger/caps-panel";
import { LedgerView } from "@/components/ledger/ledger-view";
import { MemberLedgerNote } from "@/components/ledger/member-ledger-note";
import { PageHeader } from "@/components/page-header";
import { StudioNav } from "@/components/team/studio-nav";
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
    <div className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      <PageHeader title="Ledger">
        <StudioNav member={member} />
      </PageHeader>
      <main className="space-y-6">{hasRole(member, "admin") ? await adminLedger(member) : await memberNote(member)}</main>
    </div>
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
