import "server-only";
import { toQuoteBody } from "@/lib/venice/generation-request";
import { resolveDependencies, type GenerationDependencies } from "./dependencies";
import { validateTakes } from "./submit-input";
import { validateDraft } from "./validate-draft";

export type QuoteDraftInput = { model: string; draft: unknown; takes: number };

/**
 * What Venice will charge for `takes` takes of a draft, in USD: Venice's own quote, the
 * authority on price. An invalid draft is an ApiError and never reaches Venice.
 */
export async function quoteDraft(input: QuoteDraftInput, deps?: Partial<GenerationDependencies>): Promise<{ usd: number }> {
  validateTakes(input.takes);
  const { venice, findModel } = await resolveDependencies(deps, ["venice", "findModel"]);
  const { model, request } = await validateDraft(findModel, input.model, input.draft);
  return { usd: timesTakes(await venice.quote(toQuoteBody(model, request)), input.takes) };
}

/** Venice quotes whole micro-dollars; multiplying must not add float noise to that. */
export function timesTakes(usdPerTake: number, takes: number): number {
  return Math.round(usdPerTake * 1_000_000 * takes) / 1_000_000;
}
