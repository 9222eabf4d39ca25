import type { z } from "zod/mini";
import { ApiError, fieldErrors, type FieldErrors } from "@/lib/errors";
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import { buildGenerationRequestSchema, type GenerationRequest } from "@/lib/venice/generation-request";

// A draft is checked against its model's own rules before anything reaches Venice: Venice
// answers a broken rule with a 400, and a burst of them locks the team's key out.

export type ValidDraft = { model: ModelCapabilities; request: GenerationRequest };

export async function validateDraft(
  findModel: (id: string) => Promise<ModelCapabilities | undefined>,
  modelId: string,
  draft: unknown,
): Promise<ValidDraft> {
  const model = await findModel(modelId);
  if (!model) {
    throw new ApiError("bad_request", "Choose a model.", { model: [`Venice has no model called "${modelId}".`] });
  }
  // An offline model is reported on `model` by the schema itself.
  const parsed = buildGenerationRequestSchema(model).safeParse(draft);
  if (!parsed.success) throw new ApiError("bad_request", "Some fields are invalid.", draftFieldErrors(parsed.error.issues, model));
  return { model, request: parsed.data };
}

/**
 * The field errors of a refused draft. zod reports unknown settings together, on the draft
 * itself; each is named on its own key here, so the refusal says which setting is wrong.
 */
function draftFieldErrors(issues: readonly z.core.$ZodIssue[], model: ModelCapabilities): FieldErrors {
  return fieldErrors({
    issues: issues.flatMap((issue): z.core.$ZodIssue[] =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ ...issue, path: [...issue.path, key], message: `${model.name} has no setting called "${key}".` }))
        : [issue],
    ),
  });
}
