import { draftBodySchema } from "@/lib/api/generations/draft-body";
import { parseJsonBody } from "@/lib/api/input";
import { route } from "@/lib/api/route";
import { quoteDraft } from "@/lib/generations/quote";

export const dynamic = "force-dynamic";

/** `{model, request, takes?}` → `{usd}`, Venice's own quote; an invalid draft is a 400 and never reaches Venice. */
export const POST = route(async ({ request }) => {
  const { model, request: draft, takes } = await parseJsonBody(request, draftBodySchema);
  return quoteDraft({ model, draft, takes });
});
