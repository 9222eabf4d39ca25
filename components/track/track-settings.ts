// The stored request of a track, as a person reads it: "Duration: 20 s" for
// `duration_seconds: 20`. A setting the studio has no name for keeps its key, so a field a
// newer Venice adds is still shown.

/** Shown in their own sections of the page (the prompt, the lyrics, the model by its name). */
const SHOWN_ELSEWHERE = new Set(["prompt", "lyrics_prompt", "model"]);

const LABELS: Readonly<Record<string, string>> = {
  duration_seconds: "Duration",
  force_instrumental: "Instrumental",
  lyrics_optimizer: "Lyrics optimizer",
  loop: "Loop",
  voice: "Voice",
  language_code: "Language",
  speed: "Speed",
};

export type SettingRow = { key: string; label: string; value: string };

/** The settings of the stored request, in the order they were stored, each with its label and value. */
export function settingRows(settings: Readonly<Record<string, unknown>>): SettingRow[] {
  return Object.entries(settings)
    .filter(([key, value]) => !SHOWN_ELSEWHERE.has(key) && value !== undefined && value !== null)
    .map(([key, value]) => ({ key, label: LABELS[key] ?? key, value: settingValue(key, value) }));
}

function settingValue(key: string, value: unknown): string {
  if (typeof value === "boolean") return value ? "On" : "Off";
  if (key === "duration_seconds") return `${String(value)} s`;
  if (key === "speed" && typeof value === "number") return `${value}×`;
  if (key === "language_code" && typeof value === "string") return languageName(value);
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
}

/** "English (en)"; the code alone where the browser has no name for it. */
function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
