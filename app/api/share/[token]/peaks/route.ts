import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/api/route";
import { getSharedPeaks } from "@/lib/api/shares/get-shared-peaks";
import { SHARED_CACHE_CONTROL } from "@/lib/api/shares/share-link-policy";

export const dynamic = "force-dynamic";

/** Public: a shared track's waveform, `{ peaks, durationMs }`; a dead link → 404. */
export const GET = publicRoute<{ token: string }>(async ({ params }) =>
  NextResponse.json(await getSharedPeaks(params.token), { headers: { "Cache-Control": SHARED_CACHE_CONTROL } }),
);
