// How the browser words models. GET /api/models sends each model's capabilities as
// they are (app/api/models/route.ts), so the form needs no conversion.
import type { ModelCapabilities, ModelKind } from "@/lib/venice/capabilities";

const KIND_GROUPS: readonly { kind: ModelKind; label: string }[] = [
  { kind: "music", label: "Music" },
  { kind: "sound-effect", label: "Sound effects" },
  { kind: "speech", label: "Speech" },
];

type ModelGroup = { label: string; models: ModelCapabilities[] };

/** The models under the picker's headings (music, sound effects, speech), each in the catalog's order; empty groups left out. */
export function groupByKind(models: readonly ModelCapabilities[]): ModelGroup[] {
  return KIND_GROUPS.map(({ kind, label }) => ({ label, models: models.filter((model) => model.kind === kind) })).filter(
    (group) => group.models.length > 0,
  );
}
