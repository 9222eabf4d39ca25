// Helpers for the client's tests. Only tests import this file.
import { expect } from "vitest";
import type { VeniceSimulator } from "@/lib/venice-sim/server";
import type { RetrieveResult, VeniceClient } from "@/lib/venice/client";
import { VeniceError } from "@/lib/venice/errors";
import { sleep } from "./venice-sim";

/** The VeniceError `promise` rejects with; fails the test when it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<VeniceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VeniceError);
  return error as VeniceError;
}

/** Skips the simulated job's remaining time, then retrieves until its audio arrives. */
export async function finishAndRetrieve(
  sim: VeniceSimulator,
  client: VeniceClient,
  model: string,
  queueId: string,
): Promise<Extract<RetrieveResult, { status: "DONE" }>> {
  sim.control.finishJob(queueId);
  // The job is done at once, but its audio is rendered in the background.
  for (let attempt = 0; attempt < 200; attempt++) {
    const result = await client.retrieve({ model, queue_id: queueId });
    if (result.status === "DONE") return result;
    await sleep(20);
  }
  throw new Error(`job ${queueId} never finished`);
}
