import { createHash, randomUUID } from "node:crypto";
import { chmod, mkdir, open, readdir, rename, rm, stat, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import {
  assertValidStorageKey,
  StorageNotFoundError,
  type ByteRange,
  type StoredObject,
  type TrackStorage,
} from "./track-storage";

// What put() writes before the rename: `.<name>.<uuid>.partial` beside the target.
const PARTIAL_FILE = /^\..+\.[0-9a-f-]{36}\.partial$/;

// Members' audio is the studio's alone, not every local user's: whatever the umask.
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Tracks as plain files under one root directory; a key `a/b.mp3` is the file `root/a/b.mp3`.
 * Only the studio's own user can read them.
 */
export class LocalDiskStorage implements TrackStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, body: ReadableStream<Uint8Array>): Promise<StoredObject> {
    const reader = body.getReader();
    let partialFile: string | undefined;
    try {
      const file = this.fileOf(key);
      const dir = path.dirname(file);
      const firstCreatedDir = await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
      // Written beside the target so the rename is atomic (same filesystem). The leading dot
      // keeps it out of the key space: no valid key can name it.
      partialFile = path.join(dir, `.${path.basename(file)}.${randomUUID()}.partial`);
      const { bytes, sha256 } = await writeSynced(partialFile, reader);
      await rename(partialFile, file);
      partialFile = undefined;
      // The rename, and any directory made for this key, only survive a crash once the
      // directories holding those entries are synced too.
      for (const changedDir of directoriesToSync(dir, firstCreatedDir)) await syncDirectory(changedDir);
      return { key, bytes, sha256 };
    } catch (error) {
      await reader.cancel(error).catch(() => {});
      if (partialFile) await rm(partialFile, { force: true });
      throw error;
    }
  }

  /** Start-up: creates the root, and closes it to other users in a store made before it was private. */
  async makePrivate(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: PRIVATE_DIR });
    await chmod(this.root, PRIVATE_DIR);
  }

  async removeAbandonedUploads(olderThanMs: number): Promise<number> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
      if (isMissingFileError(error)) return [];
      throw error;
    });
    let removed = 0;
    for (const entry of entries) {
      if (!entry.isFile() || !PARTIAL_FILE.test(entry.name)) continue;
      // parentPath arrived in Node 20.12; `path` is its older name.
      const file = path.join(entry.parentPath ?? entry.path, entry.name);
      const { mtimeMs } = await stat(file);
      if (Date.now() - mtimeMs < olderThanMs) continue;
      await rm(file, { force: true });
      removed++;
    }
    return removed;
  }

  async stat(key: string): Promise<{ bytes: number } | null> {
    try {
      const stats = await stat(this.fileOf(key));
      return stats.isFile() ? { bytes: stats.size } : null;
    } catch (error) {
      if (isMissingFileError(error)) return null;
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    let handle: FileHandle;
    try {
      handle = await open(this.fileOf(key), "r");
    } catch (error) {
      if (isMissingFileError(error)) throw new StorageNotFoundError(`No stored object ${key}`);
      throw error;
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new StorageNotFoundError(`No stored object ${key}`);
      if (range) assertRangeWithin(range, stats.size);
      // The stream closes the handle when it ends or is destroyed.
      return handle.createReadStream(range ?? {});
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.fileOf(key));
    } catch (error) {
      if (!isMissingFileError(error)) throw error;
    }
  }

  private fileOf(key: string): string {
    assertValidStorageKey(key);
    return path.join(this.root, key);
  }
}

async function writeSynced(file: string, reader: ReadableStreamDefaultReader<Uint8Array>): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  const handle = await open(file, "wx", PRIVATE_FILE);
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      hash.update(chunk.value);
      bytes += chunk.value.byteLength;
      // A write may be partial; only the whole chunk counts.
      for (let offset = 0; offset < chunk.value.byteLength; ) {
        offset += (await handle.write(chunk.value, offset)).bytesWritten;
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest("hex") };
}

/** `dir` itself, plus the parents of every directory that mkdir created on the way to it. */
function directoriesToSync(dir: string, firstCreatedDir: string | undefined): string[] {
  const dirs = [dir];
  if (firstCreatedDir) {
    for (let created = dir; created !== firstCreatedDir; created = path.dirname(created)) dirs.push(path.dirname(created));
    dirs.push(path.dirname(firstCreatedDir));
  }
  return dirs;
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function assertRangeWithin({ start, end }: ByteRange, size: number): void {
  const valid = Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end && end < size;
  if (!valid) throw new RangeError(`Byte range ${start}-${end} is not within an object of ${size} bytes`);
}

function isMissingFileError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
