import { createHash, randomBytes } from "node:crypto";

// Invite and share links carry a random token; the database keeps only its hash, so a
// leaked backup does not open the studio.

/** 32 random bytes, URL-safe: unguessable. */
export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a link token. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
