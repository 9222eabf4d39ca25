// `Content-Disposition: attachment` for a track's title (RFC 6266): `filename` is a safe
// ASCII approximation every browser understands, `filename*` the exact title in UTF-8
// (RFC 8187), which modern browsers prefer.

const MAX_NAME_CHARS = 150;

export function attachmentDisposition(title: string, extension: string): string {
  const name = readableName(title);
  const ascii = asciiName(name);
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeExtValue(`${name}.${extension}`)}`;
}

/** The title without control characters or path separators, on one line. */
function readableName(title: string): string {
  const name = title
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}/\\]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .slice(0, MAX_NAME_CHARS)
    .trim();
  return name || "track";
}

/** Accents dropped (é → e), anything else outside a portable set becomes "_". */
function asciiName(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9 ._()-]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^[\s._]+|[\s_]+$/g, "");
  return ascii || "track";
}

// RFC 8187 attr-char is ALPHA / DIGIT / "!#$&+-.^_`|~"; encodeURIComponent leaves a few
// others ('()*) unencoded.
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
