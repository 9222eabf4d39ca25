import { route } from "@/lib/api/route";
import { restoreTrack } from "@/lib/api/tracks/restore-track";

export const dynamic = "force-dynamic";

/** Undoes a delete → the restored track. */
export const POST = route<{ id: string }>(({ params, member }) => restoreTrack(params.id, member));
