import { createHmac, timingSafeEqual } from "node:crypto";

// Until a studio has an owner, creating the owner account takes a setup code printed in the
// start-up log, so the first stranger to reach a fresh studio cannot take it over. The code
// is derived from the studio's secret (lib/auth/auth-secret.ts): every instance on one
// database shows the same code, and nothing is stored. (No server-only import: the
// Playwright setup derives the code the same way.)

// Crockford's base32: no I, L, O or U, so a code read off a terminal is typed right.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
// 16 symbols of 5 bits: 80 bits, in 4 groups of 4.
const SYMBOLS = 16;
const GROUP = 4;
const LABEL = "venice-studio owner setup code v1";

/** The owner setup code of the studio whose secret is `secret`, e.g. `7QK2-M9XA-0TRB-4HZN`. */
export function ownerSetupCode(secret: string): string {
  const digest = createHmac("sha256", secret).update(LABEL).digest();
  const bits = BigInt(`0x${digest.subarray(0, (SYMBOLS * 5) / 8).toString("hex")}`);
  const symbols = Array.from({ length: SYMBOLS }, (_, index) => ALPHABET[Number((bits >> BigInt(5 * (SYMBOLS - 1 - index))) & 31n)]);
  return Array.from({ length: SYMBOLS / GROUP }, (_, group) => symbols.slice(group * GROUP, (group + 1) * GROUP).join("")).join("-");
}

/**
 * Whether `typed` is that code, compared in constant time. Case, spaces and dashes do not
 * matter, and O, I and L count as the 0 and 1 they are mistaken for.
 */
export function isOwnerSetupCode(secret: string, typed: unknown): boolean {
  if (typeof typed !== "string" || typed.length > 64) return false;
  const expected = Buffer.from(normalize(ownerSetupCode(secret)));
  const given = Buffer.from(normalize(typed));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function normalize(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}
