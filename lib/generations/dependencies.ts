import "server-only";
import type { Logger } from "pino";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-singleton";
import type { ModelCapabilities } from "@/lib/venice/capabilities";
import type { VeniceClient } from "@/lib/venice/client";
import { findModel } from "@/lib/venice-catalog";
import { veniceClient } from "@/lib/venice-target";

// What the lifecycle talks to. Production code passes nothing and gets the studio's own
// database, Venice target and catalog; tests pass a throwaway database and a simulator.
export type GenerationDependencies = {
  prisma: PrismaClient;
  venice: VeniceClient;
  findModel: (id: string) => Promise<ModelCapabilities | undefined>;
  log: Logger;
};

const PRODUCTION: { [K in keyof GenerationDependencies]: () => Promise<GenerationDependencies[K]> } = {
  prisma: () => db(),
  venice: () => sharedVeniceClient(),
  findModel: async () => findModel,
  log: async () => log(),
};

/** The dependencies named by `keys`: the given ones, else the production ones. */
export async function resolveDependencies<K extends keyof GenerationDependencies>(
  given: Partial<GenerationDependencies> | undefined,
  keys: readonly K[],
): Promise<Pick<GenerationDependencies, K>> {
  const resolved = await Promise.all(keys.map(async (key) => [key, given?.[key] ?? (await PRODUCTION[key]())] as const));
  return Object.fromEntries(resolved) as Pick<GenerationDependencies, K>;
}

// One client per process: it remembers that the key may not read /billing/balance, and
// asking again would spend Venice's failed-4xx budget on every submit.
function sharedVeniceClient(): Promise<VeniceClient> {
  return processSingleton("generations.venice-client", () => veniceClient());
}
