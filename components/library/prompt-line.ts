// A library row shows its title, then its prompt, never the same text twice. Titles are made
// from the prompt's first words (lib/generations/track-title.ts), so a prompt that starts with
// its title would repeat it: the row then shows only the title (the prompt is its tooltip).

/** Lower case, every run of whitespace one space, trimmed. */
function normalize(text: string): string {
  return text.replace(/\s+/gu, " ").trim().toLowerCase();
}

/**
 * The row's prompt line, or null when the prompt starts with the title (ignoring case and
 * whitespace, at a word boundary: a title renamed to "Jazz" does not hide "Jazzy horns").
 */
export function promptLine(title: string, prompt: string): string | null {
  const head = normalize(title);
  const text = normalize(prompt);
  if (!text) return null;
  if (!head || !text.startsWith(head)) return prompt;
  const next = text.slice(head.length);
  return next === "" || !/^[\p{L}\p{N}]/u.test(next) ? null : prompt;
}
