import { randomBytes, randomUUID } from "node:crypto";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "./local-disk-storage";
import { bodyOf, describeTrackStorageContract, sha256, split } from "@/tests/support/track-storage-contract";

/** A storage root inside a sandbox of its own, so escapes from the root would be visible too. */
async function openSandbox() {
  const sandbox = await mkdtemp(path.join(tmpdir(), "track-storage-"));
  const root = path.join(sandbox, "root");
  return { sandbox, root, storage: new LocalDiskStorage(root) };
}

/** Every file and directory under `dir`, relative to it. */
const entriesUnder = async (dir: string) => (await readdir(dir, { recursive: true })).sort();

describeTrackStorageContract("LocalDiskStorage", async () => {
  const { sandbox, root, storage } = await openSandbox();
  return {
    storage,
    // Every file (temporary ones included) anywhere in the sandbox, named as keys from the root.
    async contents() {
      const entries = await readdir(sandbox, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => !entry.isDirectory())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
        .sort();
    },
    close: () => rm(sandbox, { recursive: true, force: true }),
  };
});

describe("LocalDiskStorage on disk", () => {
  let sandbox: string;
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    ({ sandbox, root, storage } = await openSandbox());
  });

  afterEach(async () => {
    await rm(sandbox, { recursive: true, force: true });
  });

  const sandboxEntries = () => entriesUnder(sandbox);

  it("writes the object as the file root/key, leaving no temporary file beside it", async () => {
    const content = randomBytes(300_001);
    const stored = await storage.put("tracks/abc/take-1.mp3", bodyOf(split(content, 7_000)).stream);
    expect(sha256(await readFile(path.join(root, "tracks", "abc", "take-1.mp3")))).toBe(stored.sha256);
    // The temporary file was renamed into place.
    expect(await sandboxEntries()).toEqual(["root", "root/tracks", "root/tracks/abc", "root/tracks/abc/take-1.mp3"]);
  });

  it("removes its temporary file when the body fails mid-way, keeping the folders it made", async () => {
    const body = bodyOf([randomBytes(50_000), randomBytes(50_000)], { failWith: new TypeError("terminated") });
    await expect(storage.put("tracks/broken.mp3", body.stream)).rejects.toThrow("terminated");
    expect(await sandboxEntries()).toEqual(["root", "root/tracks"]);
  });

  it("cancels the body when the write cannot be done", async () => {
    // A key below an existing file cannot become a directory.
    await storage.put("track.mp3", bodyOf([Buffer.from("x")]).stream);
    const body = bodyOf([Buffer.from("never written")]);
    await expect(storage.put("track.mp3/inner.mp3", body.stream)).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) });
    expect(body.cancelled).toBe(true);
  });

  describe("privacy", () => {
    const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

    it("keeps stored audio to the studio's own user: files 0600 in folders 0700, whatever the umask", async () => {
      const umask = process.umask(0o022); // the usual one, which leaves files world-readable
      try {
        await storage.put("tracks/abc/take-1.mp3", bodyOf([randomBytes(100)]).stream);
      } finally {
        process.umask(umask);
      }
      expect(await modeOf(path.join(root, "tracks", "abc", "take-1.mp3"))).toBe(0o600);
      for (const dir of ["", "tracks", "tracks/abc"]) expect(await modeOf(path.join(root, dir)), dir || "root").toBe(0o700);
    });

    it("closes a store made before it was private to other users at start-up", async () => {
      await mkdir(path.join(root, "tracks"), { recursive: true });
      await writeFile(path.join(root, "tracks", "old.mp3"), randomBytes(10), { mode: 0o644 });
      await chmod(root, 0o755);
      await storage.makePrivate();
      expect(await modeOf(root)).toBe(0o700);
    });

    it("creates a missing root privately at start-up", async () => {
      await storage.makePrivate();
      expect(await modeOf(root)).toBe(0o700);
    });
  });

  describe("removeAbandonedUploads", () => {
    // What a kill -9 in the middle of put() leaves: the partial file beside its target.
    async function abandonedPartial(dir: string, name: string, ageMs: number) {
      await mkdir(path.join(root, dir), { recursive: true });
      const file = path.join(root, dir, `.${name}.${randomUUID()}.partial`);
      await writeFile(file, randomBytes(100));
      const when = new Date(Date.now() - ageMs);
      await utimes(file, when, when);
      return file;
    }

    it("removes old partial files at any depth and keeps stored objects and recent partials", async () => {
      await storage.put("tracks/kept.mp3", bodyOf([randomBytes(50)]).stream);
      await abandonedPartial("tracks", "lost.mp3", 2 * 3_600_000);
      await abandonedPartial("tracks/nested", "lost.flac", 2 * 3_600_000);
      const recent = await abandonedPartial("tracks", "in-flight.wav", 1_000);

      expect(await storage.removeAbandonedUploads(3_600_000)).toBe(2);
      expect(await sandboxEntries()).toEqual([
        "root",
        "root/tracks",
        `root/tracks/${path.basename(recent)}`,
        "root/tracks/kept.mp3",
        "root/tracks/nested",
      ]);
      expect(await storage.removeAbandonedUploads(3_600_000)).toBe(0);
    });

    it("finds nothing to do before the first track is stored", async () => {
      expect(await storage.removeAbandonedUploads(0)).toBe(0);
    });
  });
});
