import { spawn, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isProcessAlive } from "./process-alive";

describe("isProcessAlive", () => {
  it("knows this process and its parent are running", () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(process.ppid)).toBe(true);
  });

  it("knows an exited process is gone", () => {
    expect(isProcessAlive(spawnSync(process.execPath, ["-e", ""]).pid!)).toBe(false);
  });

  it.runIf(process.platform === "linux")("counts a killed process that was not reaped yet (a zombie) as gone", async () => {
    // `sleep 30` runs under a shell that then becomes `sleep 5`, which never reaps it.
    const parent = spawn("sh", ["-c", "sleep 30 & echo $!; exec sleep 5"], { stdio: ["ignore", "pipe", "ignore"] });
    const pid = Number(await new Promise<string>((resolve) => parent.stdout.once("data", (data: Buffer) => resolve(data.toString()))));
    try {
      process.kill(pid, "SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(() => process.kill(pid, 0)).not.toThrow(); // signals still reach a zombie
      expect(isProcessAlive(pid)).toBe(false);
    } finally {
      parent.kill("SIGKILL");
    }
  });
});
