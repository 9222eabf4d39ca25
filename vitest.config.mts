import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests that build and start real studio servers (Next builds, several Node processes, kill -9
// timing): on a 2-core machine they run after every other test and one at a time, so they
// neither slow the rest down nor race each other for the CPU.
const SERVER_TESTS = ["tests/crash/**/*.test.ts", "tests/scale-out/**/*.test.ts", "tests/security/key-leak.test.ts", "tests/security/studio-process.test.ts",
  "tests/startup/normal-start-and-stop.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "tests/**/*.test.ts"], exclude: SERVER_TESTS } },
      { extends: true, test: { name: "servers", include: SERVER_TESTS, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
