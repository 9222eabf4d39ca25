// The processes of an embedded PostgreSQL server, found from its data directory, for tests
// that kill or freeze it (Linux: children are read from /proc).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The postmaster's pid, from the lock file it keeps in its data directory. */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

/** The postmaster and every backend and helper process it forked. */
export function postgresProcesses(dataDir: string): number[] {
  const postmaster = postmasterPid(dataDir);
  const children = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => parentOf(Number(pid)) === postmaster)
    .map(Number);
  return [postmaster, ...children];
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined; // exited meanwhile
  }
}

/** Runs `work` while every process of the server is stopped (SIGSTOP), then lets them go on. */
export async function whileFrozen<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const pids = postgresProcesses(dataDir);
  pids.forEach((pid) => process.kill(pid, "SIGSTOP"));
  try {
    return await work();
  } finally {
    pids.forEach((pid) => process.kill(pid, "SIGCONT"));
  }
}
