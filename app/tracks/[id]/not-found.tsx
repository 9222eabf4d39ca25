import type { Metadata } from "next";
import { TrackGone } from "@/components/track/track-gone";

export const metadata: Metadata = { title: "Track not found · Venice Studio" };

/** An unknown or deleted track id: 404. */
export default function TrackNotFound() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
      <TrackGone headingLevel={1} />
    </main>
  );
}
