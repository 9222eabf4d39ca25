// A track's first title, made from its prompt when the job is submitted: the prompt's first
// clause, a few words of it, cut at a word boundary. Never a literal "…": the pages truncate
// with CSS, and every take of a batch shares the title (the take number is its own field).

export const MAX_TITLE_CHARS = 40;
const MAX_TITLE_WORDS = 6;
export const UNTITLED = "Untitled";

// Where a prompt's first clause ends: a comma, stop or the like before a space (so "v2.5" and
// "1,000" stay whole), an opening bracket, or a dash between spaces.
const CLAUSE_END = /[,;:.!?](?=\s|$)|[([{]|\s[-–—]\s/u;
// A title that ends on one of these reads as cut short ("A calm piano piece for a").
const DANGLING = new Set(["a", "an", "the", "and", "or", "but", "with", "without", "for", "of", "in", "on", "at", "to", "by", "from", "into", "over", "like", "feat", "ft"]);
// Separators and list or markdown marks around the title; quotes and brackets stay.
const LEADING = /^[\s,;:.!?\-–—*#>_~/\\|•·&+]+/u;
const TRAILING = /[\s,;:.!?\-–—*#>_~/\\|•·&+]+$/u;

// Bidi overrides and isolates: left open in a title they reorder the text shown after it (a
// rename refuses them too, lib/api/tracks/update-track.ts).
const TEXT_DIRECTION = /[\u202A-\u202E\u2066-\u2069]/gu;

export function titleFromPrompt(prompt: string): string {
  const line =
    prompt
      .split(/[\n\r\v\f\u2028\u2029]+/u)
      .map((text) => text.replace(TEXT_DIRECTION, "").replace(/[\s\p{Cc}]+/gu, " ").trim())
      .find(Boolean) ?? "";
  const words = firstClause(line).split(" ").filter(Boolean);
  const kept: string[] = [];
  for (const word of words) {
    if (kept.length === MAX_TITLE_WORDS || [...kept, word].join(" ").length > MAX_TITLE_CHARS) break;
    kept.push(word);
  }
  while (kept.length > 1 && DANGLING.has(bare(kept.at(-1)!))) kept.pop();
  // A first word longer than the limit (a URL, text without spaces): cut it, by code point.
  const title = tidy(kept.length ? kept.join(" ") : Array.from(words[0] ?? "").slice(0, MAX_TITLE_CHARS).join(""));
  if (!/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(title)) return UNTITLED;
  return title.charAt(0).toLocaleUpperCase() + title.slice(1);
}

/** The line up to its first clause's end, unless that leaves one word: "Jazz: a smoky trio" stays whole. */
function firstClause(line: string): string {
  const end = CLAUSE_END.exec(line);
  if (!end) return line;
  const clause = tidy(line.slice(0, end.index));
  return clause.includes(" ") ? clause : line;
}

function tidy(text: string): string {
  return text.replace(LEADING, "").replace(TRAILING, "");
}

function bare(word: string): string {
  return tidy(word).toLowerCase();
}
