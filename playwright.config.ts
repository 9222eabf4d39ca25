import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E_STUDIO_SECRET, OWNER_STATE } from "./e2e/owner";

const PORT = 3100;
// The studio under test keeps its embedded PostgreSQL and tracks in a throwaway folder.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "studio-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], storageState: OWNER_STATE },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    // The README's own start command, in demo mode with a fast simulator.
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(40000 + Math.floor(Math.random() * 10000)),
      VENICE_API_KEY: "",
      SIM_SPEED: "20",
      SIM_FAULTS: "1",
      // Enough for every spec's tracks, short of the dearest batch (4 × $6.90), which e2e/balance.spec.ts tries.
      SIM_BALANCE_USD: "25",
      LOG_LEVEL: "warn",
      // Known to e2e/auth.setup.ts, which derives the owner setup code from it.
      BETTER_AUTH_SECRET: E2E_STUDIO_SECRET,
    },
  },
});
