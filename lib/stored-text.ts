// The bounds of any text the studio stores or queries with: at most `max` characters (one
// oversized name would be served to every member on every page) and no NUL character, which
// PostgreSQL text cannot hold. zod/mini checks, pure, so the same rule serves the browser
// form (zod/mini) and the routes (classic zod: `z.string().check(...storableText(...))`).
import { z } from "zod/mini";

/** The checks of a text field called `label` ("The title") in error messages. */
export function storableText(label: string, max: number) {
  return [
    z.maxLength(max, `${label} can be at most ${max} characters.`),
    z.refine<string>(isNulFree, `${label} must not contain a NUL character.`),
  ] as const;
}

export function isNulFree(text: string): boolean {
  return !text.includes("\0");
}
