import "server-only";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { LocalDiskStorage } from "./local-disk-storage";
import type { TrackStorage } from "./track-storage";

/** The studio's one track storage: files under STORAGE_DIR. */
export function trackStorage(): TrackStorage {
  return processSingleton("track-storage", () => new LocalDiskStorage(env().STORAGE_DIR));
}
