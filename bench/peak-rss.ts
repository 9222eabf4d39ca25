import { readFileSync } from "node:fs";

/**
 * This process's peak resident set size, in bytes. On Linux that is VmHWM, which starts afresh
 * when the process execs; getrusage's maxRSS (used elsewhere) does not, so in a child process
 * it would include the parent's RSS at the time of the spawn.
 */
export function peakRssBytes(): number {
  try {
    const highWaterMark = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (highWaterMark) return Number(highWaterMark[1]) * 1024;
  } catch {
    // No /proc: not Linux.
  }
  return process.resourceUsage().maxRSS * 1024;
}
