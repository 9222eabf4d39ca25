import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seedTrack, type SeedTrack } from "../support/library";
import { call } from "../support/routes";
import { signInAs, type TestMember } from "../support/members";
import { serveOverHttp } from "../support/next-http";
import { setUpStudio } from "../support/studio-harness";

const studio = setUpStudio({ storage: true });
const AUDIO = randomBytes(10_000);
let mp3: SeedTrack;
let owner: TestMember;

beforeAll(async () => {
  owner = await signInAs(studio.database.url, "owner");
  mp3 = await storedTrack("mp3", AUDIO, "Café: Nights/Days \"live\" 100%");
});

/** A track whose audio the studio's own storage holds. */
async function storedTrack(format: SeedTrack["format"], bytes: Buffer, title = "Stored"): Promise<SeedTrack> {
  const { trackStorage } = await import("@/lib/storage/storage");
  const track = await seedTrack(studio.sql, {
    title,
    format,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    storageKey: `tracks/${randomBytes(8).toString("hex")}.${format}`,
  });
  const stored = await trackStorage().put(track.storageKey, new Blob([new Uint8Array(bytes)]).stream());
  expect(stored.sha256).toBe(track.sha256);
  return track;
}

async function audio(track: { id: string }, headers: Record<string, string> = {}, query = ""): Promise<Response> {
  const { GET } = await import("@/app/api/tracks/[id]/audio/route");
  return call(GET, `/api/tracks/${track.id}/audio${query}`, { headers }, { id: track.id });
}

const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe("GET /api/tracks/:id/audio", () => {
  it("streams the stored bytes whole, with type, length, ranges and ETag", async () => {
    const response = await audio(mp3);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "audio/mpeg",
      "content-length": "10000",
      "accept-ranges": "bytes",
      etag: `"${mp3.sha256}"`,
    });
    expect(response.headers.get("content-disposition")).toBeNull();
    expect((await body(response)).equals(AUDIO)).toBe(true);
  });

  it("answers the content type of each format", async () => {
    for (const [format, type] of [["wav", "audio/wav"], ["flac", "audio/flac"]] as const) {
      const bytes = randomBytes(64);
      const response = await audio(await storedTrack(format, bytes));
      expect(response.headers.get("content-type")).toBe(type);
      expect((await body(response)).equals(bytes)).toBe(true);
    }
  });

  it("serves single ranges with 206 and Content-Range", async () => {
    for (const [range, start, end] of [
      ["bytes=0-0", 0, 0], // first byte
      ["bytes=9999-9999", 9999, 9999], // last byte
      ["bytes=9999-", 9999, 9999],
      ["bytes=-100", 9900, 9999], // suffix
      ["bytes=-20000", 0, 9999], // suffix longer than the file
      ["bytes=4000-", 4000, 9999], // open-ended
      ["bytes=100-199", 100, 199],
      ["bytes=5000-999999", 5000, 9999], // end past the file is clipped
      ["bytes=0-", 0, 9999],
      ["BYTES=10-19", 10, 19],
    ] as const) {
      const response = await audio(mp3, { range });
      expect(response.status, range).toBe(206);
      expect(response.headers.get("content-range"), range).toBe(`bytes ${start}-${end}/10000`);
      expect(response.headers.get("content-length"), range).toBe(String(end - start + 1));
      expect((await body(response)).equals(AUDIO.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it("answers 416 with the file size for ranges it cannot satisfy", async () => {
    for (const range of ["bytes=10000-", "bytes=10000-10005", "bytes=-0"]) {
      const response = await audio(mp3, { range });
      expect(response.status, range).toBe(416);
      expect(response.headers.get("content-range")).toBe("bytes */10000");
      expect((await response.json()).error).toBe("The requested range is outside this 10000-byte file.");
    }
  });

  it("sends the whole file for multi-range, malformed and other-unit ranges", async () => {
    for (const range of ["bytes=0-1,5-6", "bytes=abc", "bytes=5-1", "bytes=-", "items=0-1"]) {
      const response = await audio(mp3, { range });
      expect(response.status, range).toBe(200);
      expect((await body(response)).equals(AUDIO), range).toBe(true);
    }
  });

  it("answers 304 for the ETag the browser holds, and ignores a range of an older file", async () => {
    const cached = await audio(mp3, { "if-none-match": `"${mp3.sha256}"` });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");

    const stale = await audio(mp3, { range: "bytes=0-9", "if-range": `"stale"` });
    expect(stale.status).toBe(200);
    expect((await body(stale)).length).toBe(10_000);
    const current = await audio(mp3, { range: "bytes=0-9", "if-range": `"${mp3.sha256}"` });
    expect(current.status).toBe(206);
  });

  it("names the download after the title: ASCII fallback and exact UTF-8 name", async () => {
    const response = await audio(mp3, {}, "?download=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Cafe_ Nights Days _live_ 100.mp3"; filename*=UTF-8''Caf%C3%A9%3A%20Nights%20Days%20%22live%22%20100%25.mp3`,
    );
    expect((await body(response)).equals(AUDIO)).toBe(true);

    const ranged = await audio(mp3, { range: "bytes=0-0" }, "?download=true");
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-disposition")).toMatch(/^attachment; /);

    const unnamed = await audio(await storedTrack("wav", randomBytes(8), "日本語 ✨"), {}, "?download=1");
    expect(unnamed.headers.get("content-disposition")).toBe(
      `attachment; filename="track.wav"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E%20%E2%9C%A8.wav`,
    );

    const invalid = await audio(mp3, {}, "?download=please");
    expect(invalid.status).toBe(400);
    expect(Object.keys((await invalid.json()).fields)).toEqual(["download"]);
  });

  it("answers 404 for unknown and deleted tracks, and a clear 500 when the file is gone", async () => {
    expect((await audio({ id: "6f1c8a52-3f0e-4c1b-9a57-0c9d1b7e2f11" })).status).toBe(404);
    const deleted = await storedTrack("mp3", randomBytes(16));
    await studio.sql.query(`UPDATE "Track" SET "deletedAt" = now() WHERE id = $1`, [deleted.id]);
    expect((await audio(deleted)).status).toBe(404);

    const lost = await seedTrack(studio.sql, { storageKey: "tracks/never-stored.mp3" });
    const response = await audio(lost);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "This track's audio file is missing from the studio's storage." });
  });
});

describe("GET /api/tracks/:id/audio over HTTP", () => {
  it("tells its length on the wire, as Next.js writes it: whole, ranged (206), download and HEAD", async () => {
    const { GET } = await import("@/app/api/tracks/[id]/audio/route");
    const served = await serveOverHttp(GET, { id: mp3.id });
    try {
      const fetchAudio = (init: { method?: string; headers?: Record<string, string> } = {}, query = "") =>
        fetch(`${served.url}/api/tracks/${mp3.id}/audio${query}`, { ...init, headers: { cookie: owner.cookie, ...init.headers } });
      for (const [label, init, query, status, bytes] of [
        ["whole", {}, "", 200, AUDIO],
        ["range", { headers: { range: "bytes=100-1099" } }, "", 206, AUDIO.subarray(100, 1100)],
        ["suffix", { headers: { range: "bytes=-10" } }, "", 206, AUDIO.subarray(9990)],
        ["download", {}, "?download=1", 200, AUDIO],
        ["ranged download", { headers: { range: "bytes=5000-" } }, "?download=1", 206, AUDIO.subarray(5000)],
      ] as const) {
        const response = await fetchAudio(init, query);
        expect(response.status, label).toBe(status);
        expect(response.headers.get("content-length"), label).toBe(String(bytes.length));
        expect(response.headers.get("transfer-encoding"), label).toBeNull();
        expect(response.headers.get("x-studio-content-length"), label).toBeNull();
        expect((await body(response)).equals(bytes), label).toBe(true);
      }
      // HEAD tells the length without opening the file (Next.js would send none of it).
      const { trackStorage } = await import("@/lib/storage/storage");
      const read = vi.spyOn(trackStorage(), "read");
      for (const [headers, length] of [[{}, 10_000], [{ range: "bytes=0-99" }, 100]] as const) {
        const head = await fetchAudio({ method: "HEAD", headers });
        expect(head.status).toBe("range" in headers ? 206 : 200);
        expect(head.headers.get("content-length")).toBe(String(length));
        expect(await head.text()).toBe("");
      }
      expect(read).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
      await served.close();
    }
  });
});
