// A track's first title, from its prompt: the first words, cut at a word boundary.
const MAX_TITLE_CHARS = 60;

export function titleFromPrompt(prompt: string, take: { index: number; count: number }): string {
  const words = prompt.replace(/\s+/g, " ").trim();
  let title = words;
  if (words.length > MAX_TITLE_CHARS) {
    const cut = words.slice(0, MAX_TITLE_CHARS + 1);
    const boundary = cut.lastIndexOf(" ");
    title = `${(boundary > MAX_TITLE_CHARS / 2 ? cut.slice(0, boundary) : cut.slice(0, MAX_TITLE_CHARS)).replace(/[\s,.;:!?-]+$/, "")}…`;
  }
  title ||= "Untitled";
  return take.count > 1 ? `${title} (take ${take.index + 1})` : title;
}
