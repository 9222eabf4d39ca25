import "server-only";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { LocalDiskStorage } from "./local-disk-storage";
import { S3Storage } from "./s3-storage";
import type { TrackStorage } from "./track-storage";

/** The studio's one track storage: the S3 bucket when S3_* are set, else files under STORAGE_DIR. */
export function trackStorage(): TrackStorage {
  return processSingleton("track-storage", () => {
    const { s3, STORAGE_DIR } = env();
    return s3 ? new S3Storage(s3) : new LocalDiskStorage(STORAGE_DIR);
  });
}

/** Start-up check: rejects with a one-line reason when the S3 bucket cannot be used; makes a local store private. */
export async function checkTrackStorage(): Promise<void> {
  const storage = trackStorage();
  if (storage instanceof S3Storage) await storage.checkBucket();
  if (storage instanceof LocalDiskStorage) await storage.makePrivate();
}
