import type { Metadata } from "next";
import { headers } from "next/headers";
import { AppHeader } from "@/components/app-header";
import { NotFoundMessage } from "@/components/not-found-message";
import { PageMain } from "@/components/page-main";
import { currentMember } from "@/lib/auth/member";

export const metadata: Metadata = { title: "Page not found · Venice Studio" };

/** Any address the studio has no page for: 404, with the header when someone is signed in (nobody is sent to sign in from here). */
export default async function NotFound() {
  const member = await currentMember(await headers());
  return (
    <>
      {member ? (
        <AppHeader member={member} />
      ) : (
        <header className="mx-auto flex max-w-6xl items-center gap-2.5 px-4 py-4 sm:px-6 sm:py-6">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={36} height={36} className="size-8 rounded-lg sm:size-9" />
          <p className="text-base font-semibold tracking-tight sm:text-xl">Venice Studio</p>
        </header>
      )}
      <PageMain className="mx-auto max-w-6xl px-4 pt-6 pb-16 sm:px-6 sm:pt-10">
        <NotFoundMessage signedIn={member !== null} />
      </PageMain>
    </>
  );
}
