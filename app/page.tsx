import { AppHeader } from "@/components/app-header";
import { PageMain } from "@/components/page-main";
import { Studio } from "@/components/studio";
import { requirePageMember } from "@/lib/auth/page-member";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function Home() {
  const member = await requirePageMember();
  return (
    <>
      <AppHeader member={member} title="Venice Studio" />
      <PageMain className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
        <Studio memberId={member.id} mode={env().mode} />
      </PageMain>
    </>
  );
}
