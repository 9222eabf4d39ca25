import { route } from "@/lib/api/route";
import { usableModels } from "@/lib/venice-catalog";

export const dynamic = "force-dynamic";

/**
 * `{ models: [...] }`: the usable Venice models (offline and voice-changer ones hidden), each
 * once with its kind, as its capabilities are, so the browser validates and prices with the
 * server's code; the picker groups them. Venice unreachable: 502 with a clear message.
 */
export const GET = route(async () => ({ models: await usableModels() }));
