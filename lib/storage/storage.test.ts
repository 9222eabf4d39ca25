import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let storageDir: string;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), "studio-storage-dir-"));
  // env() reads the environment once, on first use; this file runs in its own process.
  process.env.STORAGE_DIR = storageDir;
});

afterAll(async () => {
  await rm(storageDir, { recursive: true, force: true });
});

describe("trackStorage", () => {
  it("is one storage per process, writing under STORAGE_DIR", async () => {
    const { trackStorage } = await import("./storage");
    expect(trackStorage()).toBe(trackStorage());
    await trackStorage().put("tracks/t.mp3", new Blob(["audio bytes"]).stream());
    expect(await readFile(path.join(storageDir, "tracks", "t.mp3"), "utf8")).toBe("audio bytes");
  });
});
