import Link from "next/link";
import { AccountMenu } from "@/components/account-menu";
import type { Member } from "@/lib/auth/member";

const link = "rounded-md text-sm font-medium text-accent-700 underline-offset-4 hover:underline dark:text-accent-400";

/** The header links of the team and account pages: back to making and listening, and the account menu. */
export function StudioNav({ member }: { member: Member }) {
  return (
    <nav aria-label="Studio" className="flex items-center gap-3 sm:gap-4">
      <Link href="/" className={link}>Studio</Link>
      <Link href="/library" className={link}>Library</Link>
      <AccountMenu name={member.name} role={member.role} />
    </nav>
  );
}
