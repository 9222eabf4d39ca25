// A revoked or rotated Venice key must not cost the creators their paid tracks: a job whose
// retrieve is refused with 401 waits for a working key instead of failing.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createVeniceClient } from "@/lib/venice/client";
import { callsTo, expectStoredAsServed, insertGeneration, startHarness, waitForCompletion, type Harness } from "@/tests/support/generation-harness";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

it("parks a job whose retrieve is refused (401) and finishes it once the key works again", async () => {
  // A job Venice accepted (and charged) while the key still worked.
  const request = { model: "stable-audio-25", prompt: "Warm analog synth arpeggio for a key rotation test", duration_seconds: 10 };
  const { queue_id } = await harness.venice.queue(request);
  const { id } = await insertGeneration(harness.prisma, { request, status: "queued", queueId: queue_id, queuedAt: new Date() });

  // Then the key is revoked.
  const refused = await harness.startWorker({
    venice: createVeniceClient({ baseUrl: harness.sim.url, apiKey: "revoked-key" }),
    keyRefusedRetryMs: 60_000,
  });
  const deadline = Date.now() + 10_000;
  while (!callsTo(harness.sim, "retrieve").some((call) => call.status === 401)) {
    if (Date.now() > deadline) throw new Error("no refused retrieve");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await refused.stop();
  const parked = await harness.prisma.generation.findUniqueOrThrow({ where: { id } });
  expect(parked.status).toBe("queued");
  expect(parked.errorCode).toBeNull();
  // Recorded, so the creator's card can say why the job waits.
  expect(parked.failureKind).toBe("key_refused");
  expect(parked.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(50_000);
  expect(callsTo(harness.sim, "retrieve").filter((call) => call.status === 401)).toHaveLength(1);

  // A working key again (time passes: the job comes due) and the paid track is saved.
  await harness.prisma.generation.update({ where: { id }, data: { nextAttemptAt: new Date() } });
  await harness.startWorker();
  await waitForCompletion(harness.prisma, id);
  await expectStoredAsServed(harness, id, request.prompt);
});
