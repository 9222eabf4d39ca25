import { route } from "@/lib/api/route";
import { getReuseSettings } from "@/lib/api/tracks/get-reuse-settings";

export const dynamic = "force-dynamic";

/**
 * `{ title, model, request }`: what made this library row, for "Reuse settings". `:id` is a
 * track's id, or a generation's that ended without a track (status failed, expired, uncertain).
 */
export const GET = route<{ id: string }>(({ params }) => getReuseSettings(params.id));
