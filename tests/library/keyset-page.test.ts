import { describe, expect, it } from "vitest";
import { dateCursorAt, decodeCursor, encodeCursor, keysetPage } from "@/lib/api/tracks/keyset-page";

// The step both library lists share: read one row more than a page, and give a next-page
// cursor only when that extra row exists.

const rowAt = (i: number) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) });
const rows = (count: number) => Array.from({ length: count }, (_, i) => rowAt(i));

describe("keysetPage", () => {
  it("reads limit + 1 rows and gives the cursor of the page's last row when more follow", async () => {
    const takes: number[] = [];
    const page = await keysetPage(
      3,
      async (take) => {
        takes.push(take);
        return rows(take);
      },
      (last) => dateCursorAt("newest", last),
    );
    expect(takes).toEqual([4]);
    expect(page.rows).toEqual(rows(3));
    expect(decodeCursor(page.nextCursor!)).toEqual({ sort: "newest", value: rowAt(2).createdAt.toISOString(), id: rowAt(2).id });
  });

  it("gives no cursor on the last page, full or not", async () => {
    for (const count of [0, 2, 3]) {
      const page = await keysetPage(3, async () => rows(count), (last) => dateCursorAt("oldest", last));
      expect(page).toEqual({ rows: rows(count), nextCursor: null });
    }
  });
});

describe("encodeCursor / decodeCursor", () => {
  it("round-trips every sort's cursor", () => {
    const id = rowAt(1).id;
    for (const cursor of [
      { sort: "newest", value: "2026-01-01T00:00:00.000Z", id },
      { sort: "oldest", value: "2026-01-01T00:00:00.000Z", id },
      { sort: "title", value: "Rain, 100% _", id },
      { sort: "duration", value: 30_000, id },
    ] as const) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    }
  });

  it("refuses what this API did not make", () => {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const text of ["not-a-cursor", "", "%00", json({ sort: "title", value: 3, id: rowAt(1).id }), json({ sort: "newest", value: "yesterday", id: rowAt(1).id }), json({ sort: "random", value: 1, id: rowAt(1).id })]) {
      expect(decodeCursor(text), text).toBeUndefined();
    }
  });
});
