import { z } from "zod";
import { takesSchema } from "@/lib/generations/submit-input";
import { storableText } from "@/lib/stored-text";

// The body of a quote or a submit: a model, its request fields (checked against that model
// by lib/generations, with field errors keyed by Venice's field names) and how many takes.
export const draftBodySchema = z.object({
  model: z
    .string({ error: "Choose a model." })
    .trim()
    .min(1, { error: "Choose a model." })
    .check(...storableText("The model", 200)),
  // Passed on as parsed, not rebuilt: a record copy would turn a "__proto__" key into the
  // copy's prototype instead of an unknown setting for the model's strict schema to refuse.
  request: z.custom<Record<string, unknown>>((value) => typeof value === "object" && value !== null && !Array.isArray(value), {
    error: "The request must be an object of generation settings.",
  }),
  takes: takesSchema.default(1),
});
