import { route } from "@/lib/api/route";
import { listModelsByKind } from "@/lib/api/models/list-models";

export const dynamic = "force-dynamic";

/** The usable Venice models, grouped by kind. Venice unreachable: 502 with a clear message. */
export const GET = route(() => listModelsByKind());
