/**
 * `text` for Prisma's `contains` / `string_contains`, which send ILIKE '%…%' without escaping
 * LIKE's wildcards: escaped, so "100%" finds "100%" only.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
