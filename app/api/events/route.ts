import { openGenerationEventStream } from "@/lib/api/generations/generation-event-stream";
import { route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** Server-sent events: generation status changes as they happen (see generation-event-stream.ts). */
export const GET = route(({ request, member }) => openGenerationEventStream(request, member));
