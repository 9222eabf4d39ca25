import type { Metadata } from "next";
import { headers } from "next/headers";
import { AppHeader } from "@/components/app-header";
import { PageMain } from "@/components/page-main";
import { TrackGone } from "@/components/track/track-gone";
import { currentMember } from "@/lib/auth/member";

export const metadata: Metadata = { title: "Track not found · Venice Studio" };

/** An unknown or deleted track id: 404. The page let only a signed-in member get this far. */
export default async function TrackNotFound() {
  const member = await currentMember(await headers());
  return (
    <>
      {member && <AppHeader member={member} />}
      <PageMain className="mx-auto max-w-6xl px-4 pt-6 pb-16 sm:px-6 sm:pt-10">
        <TrackGone headingLevel={1} />
      </PageMain>
    </>
  );
}
