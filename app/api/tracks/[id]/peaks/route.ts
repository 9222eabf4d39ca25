import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { getTrackPeaks } from "@/lib/api/tracks/get-track-peaks";

export const dynamic = "force-dynamic";

/** `{ peaks, durationMs }`; a track's waveform never changes, so browsers keep it. */
export const GET = route<{ id: string }>(async ({ params }) =>
  NextResponse.json(await getTrackPeaks(params.id), {
    headers: { "Cache-Control": "private, max-age=31536000, immutable" },
  }),
);
