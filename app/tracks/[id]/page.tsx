import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AppHeader } from "@/components/app-header";
import { PageMain } from "@/components/page-main";
import { TrackPage } from "@/components/track/track-page";
import { findActiveTrack } from "@/lib/api/tracks/find-track";
import { requirePageMember } from "@/lib/auth/page-member";
import { ApiError } from "@/lib/errors";

// A page per track: the server checks the session and that the track is there (an unknown or
// deleted id is a real 404); what the page shows comes from GET /api/tracks/:id in the browser,
// so its actions keep it current like the library's rows.

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** The live track's title, or null for an unknown or deleted id; looked up once per request. */
const trackTitle = cache(async (id: string): Promise<string | null> => {
  try {
    return (await findActiveTrack(id, { title: true })).title;
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The title is the team's: nobody signed out learns it from the page's <title>.
  await requirePageMember();
  const title = await trackTitle((await params).id);
  return { title: `${title ?? "Track not found"} · Venice Studio` };
}

export default async function TrackRoute({ params }: Props) {
  const member = await requirePageMember();
  const { id } = await params;
  if ((await trackTitle(id)) === null) notFound();
  return (
    <>
      <AppHeader member={member} title="Track" />
      <PageMain className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
        <TrackPage id={id} />
      </PageMain>
    </>
  );
}
