// The audio route with tracks in an S3-compatible store (S3_* set): the same 200/206/416
// answers as on local disk, streamed from the bucket.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3Client } from "@/lib/storage/s3-storage";
import { seedTrack, type SeedTrack } from "../support/library";
import { signInAs } from "../support/members";
import { call } from "../support/routes";
import { startS3Server, type S3Server } from "../support/s3";
import { setUpStudio } from "../support/studio-harness";

// S3 wins over STORAGE_DIR, set too: nothing may land there.
const studio = setUpStudio({ storage: true });
let s3: S3Server;
// Over one 5 MiB part, so the stored object is a multipart upload's.
const AUDIO = randomBytes(6 * 1024 * 1024 + 123);
let track: SeedTrack;

beforeAll(async () => {
  s3 = await startS3Server();
  Object.assign(process.env, s3.env);
  await signInAs(studio.database.url, "owner");

  const { trackStorage } = await import("@/lib/storage/storage");
  track = await seedTrack(studio.sql, {
    format: "mp3",
    bytes: AUDIO.length,
    sha256: createHash("sha256").update(AUDIO).digest("hex"),
    storageKey: `tracks/${randomBytes(8).toString("hex")}.mp3`,
  });
  const stored = await trackStorage().put(track.storageKey, new Blob([new Uint8Array(AUDIO)]).stream());
  expect(stored.sha256).toBe(track.sha256);
});
afterAll(() => s3?.close());

async function audio(headers: Record<string, string> = {}): Promise<Response> {
  const { GET } = await import("@/app/api/tracks/[id]/audio/route");
  return call(GET, `/api/tracks/${track.id}/audio`, { headers }, { id: track.id });
}

const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe("GET /api/tracks/:id/audio from S3 storage", () => {
  it("keeps the track in the bucket, not on local disk, and passes the start-up check", async () => {
    const bucket = createS3Client({
      endpoint: s3.env.S3_ENDPOINT,
      bucket: s3.env.S3_BUCKET,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: s3.env.S3_ACCESS_KEY_ID, secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY },
    });
    const listed = await bucket.send(new ListObjectsV2Command({ Bucket: s3.env.S3_BUCKET }));
    expect(listed.Contents?.map((object) => [object.Key, object.Size])).toEqual([[track.storageKey, AUDIO.length]]);
    expect(readdirSync(studio.storageDir)).toEqual([]);
    const { checkTrackStorage } = await import("@/lib/storage/storage");
    await expect(checkTrackStorage()).resolves.toBeUndefined();
  });

  it("streams the whole object with 200", async () => {
    const response = await audio();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(AUDIO.length));
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect((await body(response)).equals(AUDIO)).toBe(true);
  });

  it("serves ranges with 206, across the part boundary and at both ends", async () => {
    const size = AUDIO.length;
    const fiveMiB = 5 * 1024 * 1024;
    for (const [range, start, end] of [
      ["bytes=0-0", 0, 0],
      ["bytes=0-1", 0, 1],
      [`bytes=${fiveMiB - 100}-${fiveMiB + 99}`, fiveMiB - 100, fiveMiB + 99],
      ["bytes=-500", size - 500, size - 1],
      [`bytes=${size - 1}-`, size - 1, size - 1],
      [`bytes=1000-${size + 5000}`, 1000, size - 1], // end past the file is clipped by the route
    ] as const) {
      const response = await audio({ range });
      expect(response.status, range).toBe(206);
      expect(response.headers.get("content-range"), range).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers.get("content-length"), range).toBe(String(end - start + 1));
      expect((await body(response)).equals(AUDIO.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it("answers 416 for a range past the end", async () => {
    const response = await audio({ range: `bytes=${AUDIO.length}-` });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${AUDIO.length}`);
  });

  it("answers a clear 500 when the object is gone from the bucket", async () => {
    const { trackStorage } = await import("@/lib/storage/storage");
    const lost = await seedTrack(studio.sql, { storageKey: "tracks/never-stored.mp3" });
    expect(await trackStorage().stat(lost.storageKey)).toBeNull();
    const { GET } = await import("@/app/api/tracks/[id]/audio/route");
    const response = await call(GET, `/api/tracks/${lost.id}/audio`, {}, { id: lost.id });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "This track's audio file is missing from the studio's storage." });
  });
});
