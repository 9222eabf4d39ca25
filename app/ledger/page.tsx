import type { Metadata } from "next";
import { CapsPanel } from "@/components/ledger/caps-panel";
import { LedgerView } from "@/components/ledger/ledger-view";
import { PageHeader } from "@/components/page-header";
import { StudioNav } from "@/components/team/studio-nav";
import { getCaps } from "@/lib/api/caps/get-caps";
import { listLedger } from "@/lib/api/ledger/list-ledger";
import { requirePageMember } from "@/lib/auth/page-member";

export const metadata: Metadata = { title: "Ledger · Venice Studio" };
export const dynamic = "force-dynamic";

export default async function LedgerPage() {
  const member = await requirePageMember("admin");
  const [ledger, caps] = await Promise.all([listLedger(undefined), getCaps(member)]);
  return (
    <div className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      <PageHeader title="Ledger">
        <StudioNav member={member} />
      </PageHeader>
      <main className="space-y-6">
        <CapsPanel initialCaps={caps} />
        <LedgerView initialLedger={ledger} />
      </main>
    </div>
  );
}
