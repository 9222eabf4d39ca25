import { readFileSync } from "node:fs";

/**
 * Whether process `pid` of this machine is running. A killed process whose parent has not
 * reaped it yet (a zombie) still answers signal 0, so on Linux its state is read from /proc.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) S …": the state follows the last ")", since comm may contain one.
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && process.platform === "linux") return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that pid, so it is running.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
