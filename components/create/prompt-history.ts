// The creator's recent prompts, to pick one again: the last few distinct ones sent, newest first.

export const MAX_RECENT_PROMPTS = 10;

/** `history` with `prompt` (trimmed, as it was sent) in front, once; a blank prompt changes nothing. */
export function withPrompt(history: readonly string[], prompt: string): string[] {
  const sent = prompt.trim();
  if (!sent) return [...history];
  return [sent, ...history.filter((earlier) => earlier !== sent)].slice(0, MAX_RECENT_PROMPTS);
}
