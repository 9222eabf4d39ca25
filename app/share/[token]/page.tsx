import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ShareFrame } from "@/components/share/share-frame";
import { SharePlayer } from "@/components/share/share-player";
import { formatTime } from "@/components/player/format-time";
import { ApiError } from "@/lib/errors";
import { getSharedTrack, type SharedTrack } from "@/lib/api/shares/get-shared-track";
import { CONTENT_TYPES } from "@/lib/api/tracks/stream-track-audio";
import { pageOrigin } from "@/lib/auth/page-origin";

// The public page a share link opens: no session needed, and nothing of the studio beyond
// this one track. Search engines are told to leave it out, and the token stays out of Referer.

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

/** The shared track, or null for a dead link; looked up once per request (metadata and page). */
const sharedTrack = cache(async (token: string): Promise<SharedTrack | null> => {
  try {
    return await getSharedTrack(token);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
});

const PRIVATE = { robots: { index: false, follow: false }, referrer: "no-referrer" } satisfies Metadata;

/**
 * The tab's title, and the preview chat apps show for the link (Open Graph, Twitter card):
 * the track's title, length and audio, with the studio's icon until tracks have artwork. A dead
 * link says only that it no longer works: nothing of the track.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const track = await sharedTrack(token);
  if (!track) return { ...PRIVATE, title: "Link no longer works · Venice Studio" };
  // Previews are fetched by other servers: every URL in them is absolute.
  const origin = await pageOrigin();
  const description = `A track made with Venice Studio · ${formatTime(track.durationMs / 1000)}`;
  const image = { url: `${origin}/icon.svg`, type: "image/svg+xml", alt: "Venice Studio" };
  return {
    ...PRIVATE,
    title: `${track.title} · Venice Studio`,
    description,
    openGraph: {
      type: "music.song",
      title: track.title,
      description,
      siteName: "Venice Studio",
      url: `${origin}/share/${encodeURIComponent(token)}`,
      audio: [{ url: `${origin}${track.audioUrl}`, type: CONTENT_TYPES[track.format] }],
      duration: Math.round(track.durationMs / 1000),
      images: [image],
    },
    twitter: { card: "summary", title: track.title, description, images: [image] },
  };
}

export default async function SharePage({ params }: Props) {
  const track = await sharedTrack((await params).token);
  if (!track) notFound();
  return (
    <ShareFrame>
      <p className="text-xs font-medium tracking-wide text-accent-700 uppercase dark:text-accent-400">Shared track</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words sm:text-3xl">{track.title}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{track.modelName}</span>
        <span className="font-mono tabular-nums">{formatTime(track.durationMs / 1000)}</span>
        <span className="uppercase">{track.format}</span>
      </p>
      <div className="mt-6">
        <SharePlayer track={track} />
      </div>
    </ShareFrame>
  );
}
