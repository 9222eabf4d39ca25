import { route } from "@/lib/api/route";
import { readBalanceUsd } from "@/lib/generations/read-balance";

export const dynamic = "force-dynamic";

/** `{usd}`: the studio's Venice balance, or `{usd: null}` when Venice does not tell this key. */
export const GET = route(async () => ({ usd: await readBalanceUsd() }));
