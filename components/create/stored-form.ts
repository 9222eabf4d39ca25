// The Create form as this browser keeps it between visits, per member (localStorage): the
// draft, what each visited model remembers, the takes, the lyrics the optimizer set aside, and
// the recent prompts. What is stored is read back through zod: localStorage is the browser's
// to change, and a stored value that fails its schema is ignored (and written over).
// Imported lazily, like the request schema: zod/mini stays out of the page's first load.
import { z } from "zod/mini";
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import type { Draft } from "./draft";
import type { SavedForm } from "./form-state";
import { MAX_REMEMBERED_MODELS } from "./model-memory";
import { MAX_RECENT_PROMPTS } from "./prompt-history";

/** The studio's own ceiling for a prompt or lyrics where a model publishes none. */
const MAX_TEXT = 10_000;
const MAX_TAKES = 4;

const text = (max: number) => z.string().check(z.maxLength(max));

const draftSchema = z.object({
  prompt: text(MAX_TEXT),
  lyrics: text(MAX_TEXT),
  lyricsOptimizer: z.boolean(),
  instrumental: z.boolean(),
  loop: z.boolean(),
  voice: text(100),
  language: z.string().check(z.regex(/^([a-z]{2})?$/)),
  speed: z.optional(z.number().check(z.gte(0), z.lte(10))),
  durationSeconds: z.optional(z.int().check(z.gte(0), z.lte(86_400))),
});

const modelIdSchema = z.string().check(z.minLength(1), z.maxLength(200));

const storedFormSchema = z.object({
  version: z.literal(1),
  model: modelIdSchema,
  draft: draftSchema,
  takes: z.int().check(z.gte(1), z.lte(MAX_TAKES)),
  asideLyrics: text(MAX_TEXT),
  memory: z.array(z.object({ model: modelIdSchema, draft: draftSchema })).check(z.maxLength(MAX_REMEMBERED_MODELS)),
});

type StoredForm = z.infer<typeof storedFormSchema>;

const historySchema = z.array(text(MAX_TEXT).check(z.minLength(1))).check(z.maxLength(MAX_RECENT_PROMPTS));

function parseJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? "null");
  } catch {
    return null;
  }
}

// JSON has no undefined: an absent speed or duration is the model's default.
const toDraft = (stored: z.infer<typeof draftSchema>): Draft => ({ ...stored, speed: stored.speed, durationSeconds: stored.durationSeconds });

/** The kept form, or null when there is none or it is not one. */
export function parseStoredForm(text: string | null): SavedForm | null {
  const parsed = storedFormSchema.safeParse(parseJson(text));
  if (!parsed.success) return null;
  const { model, draft, takes, asideLyrics, memory } = parsed.data;
  return { modelId: model, draft: toDraft(draft), takes, asideLyrics, memory: memory.map((entry) => ({ model: entry.model, draft: toDraft(entry.draft) })) };
}

/** The text to keep for `form`, its prompt and lyrics cut at their model's limits (so it stays small). */
export function storeForm(form: SavedForm & { modelId: string; draft: Draft }, models: readonly ModelCapabilities[]): string {
  const bounded = (modelId: string, draft: Draft): Draft => {
    const model = models.find((candidate) => candidate.id === modelId);
    const lyricsMax = Math.min(model?.lyrics.max ?? MAX_TEXT, MAX_TEXT);
    return { ...draft, prompt: draft.prompt.slice(0, Math.min(model?.prompt.max ?? MAX_TEXT, MAX_TEXT)), lyrics: draft.lyrics.slice(0, lyricsMax) };
  };
  const stored: StoredForm = {
    version: 1,
    model: form.modelId,
    draft: bounded(form.modelId, form.draft),
    takes: form.takes,
    asideLyrics: form.asideLyrics.slice(0, MAX_TEXT),
    memory: form.memory.slice(0, MAX_REMEMBERED_MODELS).map((entry) => ({ model: entry.model, draft: bounded(entry.model, entry.draft) })),
  };
  return JSON.stringify(stored);
}

/** The recent prompts kept, newest first; none when what is stored is not such a list. */
export function parseHistory(text: string | null): string[] {
  const parsed = historySchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : [];
}

export function storeHistory(prompts: readonly string[]): string {
  return JSON.stringify(prompts.slice(0, MAX_RECENT_PROMPTS).map((prompt) => prompt.slice(0, MAX_TEXT)));
}
