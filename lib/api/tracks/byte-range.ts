// One `Range: bytes=…` header against a file of `size` bytes (RFC 9110 §14). Only single
// ranges are served: a header that asks for several, uses another unit or does not parse is
// ignored and the whole file is sent (200), as the RFC allows. A range that starts beyond the
// end, or an empty suffix, cannot be satisfied (416).

export type RangeRequest =
  | { kind: "whole" }
  | { kind: "part"; start: number; end: number }
  | { kind: "unsatisfiable" };

const SINGLE_RANGE = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i;

export function parseRangeHeader(header: string | null, size: number): RangeRequest {
  const match = header === null ? null : SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: "whole" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "whole" };
  if (first === "") {
    // Suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "part", start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return { kind: "whole" };
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "part", start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) };
}
