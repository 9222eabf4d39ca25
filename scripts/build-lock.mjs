// The lock that lets several starts on one dist dir build it once (scripts/build-if-changed.mjs). Next
// empties its dist dir when a build starts, so the lock lives beside it, in the folder that
// holds it (the checkout): not the shared temp dir, where another local user could plant the
// lock or a symlink for the studio (often root) to write through. It holds its owner's pid:
// a lock whose owner died is taken over.
import { createHash } from "node:crypto";
import { linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The build lock of `distDir`. */
export function buildLockPath(distDir) {
  const resolved = path.resolve(distDir);
  return path.join(path.dirname(resolved), `.venice-studio-build-${createHash("sha256").update(resolved).digest("hex").slice(0, 16)}.lock`);
}

const LOCK_POLL_MS = 500;
// A lock this old is stale whatever its pid says (the pid may belong to another process now).
const STALE_LOCK_MS = 20 * 60_000;

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that pid.
    return error.code === "EPERM";
  }
}

function lockOwner(buildLock) {
  try {
    return Number(readFileSync(buildLock, "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return undefined;
    throw error;
  }
}

/** Waits until this process holds `buildLock`; released by releaseBuildLock or at exit. */
export function takeBuildLock(buildLock) {
  // Written whole under a private name, then linked into place: linking fails when a lock
  // exists, so no one ever reads a half-written lock.
  const candidate = `${buildLock}.${process.pid}`;
  // "wx": never through a file or symlink already there.
  rmSync(candidate, { force: true });
  writeFileSync(candidate, String(process.pid), { flag: "wx", mode: 0o644 });
  try {
    for (let announced = false; ; ) {
      try {
        linkSync(candidate, buildLock);
        // A build that fails exits through run(); the lock goes with it.
        process.on("exit", releaseAtExit);
        held = buildLock;
        return;
      } catch (error) {
        if (error.code !== "EEXIST") throw error;
      }
      const owner = lockOwner(buildLock);
      if (owner === undefined) continue; // released just now
      if (!isAlive(owner) || Date.now() - statSync(buildLock, { throwIfNoEntry: false })?.mtimeMs > STALE_LOCK_MS) {
        takeOverStaleLock(buildLock, owner);
        continue;
      }
      if (!announced) console.log(`Waiting for the build of another start (pid ${owner})…`);
      announced = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LOCK_POLL_MS);
    }
  } finally {
    rmSync(candidate, { force: true });
  }
}

// Two waiters may find the same dead owner: the lock is moved aside, not deleted, and put
// back when what was moved turns out to be another waiter's fresh lock.
function takeOverStaleLock(buildLock, staleOwner) {
  const aside = `${buildLock}.stale.${process.pid}`;
  try {
    renameSync(buildLock, aside);
  } catch (error) {
    if (error.code === "ENOENT") return;
    throw error;
  }
  if (Number(readFileSync(aside, "utf8")) !== staleOwner) {
    try {
      linkSync(aside, buildLock);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
  rmSync(aside, { force: true });
}

// The lock this process holds: a build that fails exits, and the lock goes with it.
let held;
const releaseAtExit = () => held && rmSync(held, { force: true });

export function releaseBuildLock(buildLock) {
  rmSync(buildLock, { force: true });
  held = undefined;
  process.off("exit", releaseAtExit);
}

