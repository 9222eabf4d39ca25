import { AccountMenu } from "@/components/account-menu";
import { AppNav } from "@/components/app-nav";
import { ModeBadge } from "@/components/mode-badge";
import type { Member } from "@/lib/auth/member";
import { env } from "@/lib/env";

type Props = {
  member: Member;
  /** The page's h1. Left out where the page's h1 is in its content (the 404 pages): the studio's name stands there. */
  title?: string;
};

/**
 * The header of every signed-in page: the mark and the page's h1, the nav its role opens, the
 * mode badge and the account menu, on one row from a 360 px phone up. Its own width (the
 * widest page's), so it stays put from page to page; the title gives way first, truncated.
 */
export function AppHeader({ member, title }: Props) {
  const titleClass = "min-w-0 truncate text-base font-semibold tracking-tight min-[420px]:text-lg sm:text-xl";
  return (
    <header className="mx-auto flex max-w-6xl items-center gap-1.5 px-4 py-4 sm:gap-3 sm:px-6 sm:py-6 lg:gap-4">
      <div className="flex min-w-0 flex-1 items-center gap-2 sm:gap-3">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src="/icon.svg" alt="" width={36} height={36} className="size-7 shrink-0 rounded-lg min-[390px]:size-8 sm:size-9" />
        {title ? <h1 className={titleClass}>{title}</h1> : <p className={titleClass}>Venice Studio</p>}
      </div>
      <AppNav role={member.role} />
      <ModeBadge mode={env().mode} />
      <AccountMenu name={member.name} role={member.role} />
    </header>
  );
}
