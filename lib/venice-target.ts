import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import { createVeniceClient, type VeniceClient } from "@/lib/venice/client";

// Above both the Venice contract (lib/venice) and the simulator (lib/venice-sim): the contract
// never imports the simulator, and only this module's demo branch loads it.

export type VeniceTarget = { baseUrl: string; apiKey: string; mode: "demo" | "venice" };

/**
 * Where Venice calls go: the real API when VENICE_API_KEY is set, otherwise (demo mode)
 * the project's simulator, started once per process on a loopback port, keeping its state in
 * DATA_DIR/venice-sim.
 */
export function veniceTarget(): Promise<VeniceTarget> {
  return processSingleton("venice-target", async () => {
    const { mode, VENICE_API_BASE, VENICE_API_KEY } = env();
    if (mode === "venice") return { baseUrl: VENICE_API_BASE, apiKey: VENICE_API_KEY!, mode };
    return startDemoSimulator();
  });
}

async function startDemoSimulator(): Promise<VeniceTarget> {
  const { SIM_SPEED, SIM_FAULTS, SIM_BALANCE_USD, DATA_DIR } = env();
  // A dynamic import, so the bundler puts the simulator (~5,000 lines) in a chunk of its own
  // that a server with a real key never loads (tests/security/key-leak.test.ts checks the build).
  const { startVeniceSimulator } = await import("@/lib/venice-sim/server");
  const simulator = await startVeniceSimulator({
    port: 0,
    speed: SIM_SPEED,
    enableFaults: SIM_FAULTS,
    balanceUsd: SIM_BALANCE_USD,
    // Jobs in flight, the balance and the key survive a studio restart, as at Venice.
    stateDir: path.join(/*turbopackIgnore: true*/ DATA_DIR, "venice-sim"),
    logger: (line) => log().debug({ simulator: line }, "venice simulator"),
  });
  log().info({ url: simulator.url, speed: SIM_SPEED, faults: SIM_FAULTS }, "demo mode: Venice simulator started");
  return { baseUrl: simulator.url, apiKey: simulator.apiKey, mode: "demo" };
}

/** A client for the current target (Venice, or the simulator in demo mode). */
export async function veniceClient(): Promise<VeniceClient> {
  const { baseUrl, apiKey } = await veniceTarget();
  return createVeniceClient({ baseUrl, apiKey });
}
