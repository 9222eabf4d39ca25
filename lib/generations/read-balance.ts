import "server-only";
import { resolveDependencies, type GenerationDependencies } from "./dependencies";

/**
 * The Venice balance in USD, or null when it is unknown: this key may read neither balance
 * endpoint, or Venice cannot be asked right now. Venice refuses a job it cannot charge for
 * anyway (402 at queue, nothing charged), so an unknown balance is never an error.
 */
export async function readBalanceUsd(deps?: Partial<GenerationDependencies>): Promise<number | null> {
  const { venice, log } = await resolveDependencies(deps, ["venice", "log"]);
  try {
    return (await venice.balance())?.usd ?? null;
  } catch (error) {
    log.warn({ err: error }, "Venice balance unavailable");
    return null;
  }
}
