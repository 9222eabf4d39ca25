// Where finished tracks live. Deliberately small so that an S3 implementation (issue 7) can
// sit behind the same interface: whole-object streaming writes, size, ranged reads, delete.
import type { Readable } from "node:stream";

export type StoredObject = { key: string; bytes: number; sha256: string };

/** An inclusive byte range, as in an HTTP `Range: bytes=start-end` header. */
export type ByteRange = { start: number; end: number };

export interface TrackStorage {
  /**
   * Streams `body` to `key`, replacing any object already there. Resolves only once the
   * object is durable and complete under its key; rejects, leaving nothing behind, if the
   * body errors mid-way (and cancels the body if storage fails first). `sha256` is hex.
   */
  put(key: string, body: ReadableStream<Uint8Array>): Promise<StoredObject>;
  /** Size of the stored object, or null when there is none. */
  stat(key: string): Promise<{ bytes: number } | null>;
  /**
   * The whole object, or an inclusive byte range of it. Rejects with StorageNotFoundError
   * when the object is missing and RangeError when the range does not lie within it.
   */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes the object; deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Clears what interrupted puts left behind (a crash mid-download) that is older than
   * `olderThanMs`, so a put still running elsewhere is left alone. Returns how many.
   */
  removeAbandonedUploads(olderThanMs: number): Promise<number>;
}

export class InvalidStorageKeyError extends Error {}

export class StorageNotFoundError extends Error {}

// Keys become file paths (and later S3 object names), so they are held to a portable subset:
// slash-separated segments of [a-zA-Z0-9._-], none empty and none starting with a dot. That
// rules out absolute paths, "." and ".." (path traversal), hidden files and the dot-prefixed
// temporary files of unfinished writes.
const KEY_SEGMENT = /^[a-zA-Z0-9_-][a-zA-Z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;

/** Throws InvalidStorageKeyError unless `key` is a safe relative object key. */
export function assertValidStorageKey(key: string): void {
  const valid = key.length > 0 && key.length <= MAX_KEY_LENGTH && key.split("/").every((segment) => KEY_SEGMENT.test(segment));
  if (!valid) throw new InvalidStorageKeyError(`Invalid storage key ${JSON.stringify(key.slice(0, MAX_KEY_LENGTH))}`);
}
