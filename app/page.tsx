import Link from "next/link";
import { AccountMenu } from "@/components/account-menu";
import { ModeBadge } from "@/components/mode-badge";
import { PageHeader } from "@/components/page-header";
import { Studio } from "@/components/studio";
import { requirePageMember } from "@/lib/auth/page-member";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function Home() {
  const member = await requirePageMember();
  return (
    <div className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      <PageHeader title="Venice Studio">
        <nav aria-label="Studio" className="flex items-center gap-2 sm:gap-4">
          <Link href="/library" className="rounded-md text-sm font-medium text-accent-700 underline-offset-4 hover:underline dark:text-accent-400">
            Library
          </Link>
          <ModeBadge mode={env().mode} />
          <AccountMenu name={member.name} role={member.role} />
        </nav>
      </PageHeader>
      <main>
        <Studio memberId={member.id} />
      </main>
    </div>
  );
}
