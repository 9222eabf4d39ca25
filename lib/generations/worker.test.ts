// The whole lifecycle, submit to stored track, against the simulator over real HTTP with its
// real renderer, a real database and real files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoudnessMeter } from "@/lib/audio/loudness";
import { decodeFlac, decodeMp3, decodeWav } from "@/tests/support/audio-analysis";
import { getGeneration } from "./get-generation";
import { submitGeneration } from "./submit";
import { callsTo, expectStoredAsServed, startHarness, waitForCompletion, type Harness } from "@/tests/support/generation-harness";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await harness.startWorker();
});

afterAll(async () => {
  await harness?.close();
});

let keys = 0;
async function submit(model: string, draft: Record<string, unknown>, takes = 1) {
  return submitGeneration({ model, draft, takes, idempotencyKey: `worker-${++keys}`, creatorId: "creator-1" }, harness.deps);
}

/** The stored file's integrated loudness, decoded whole by the test decoders (the renders are mono). */
async function loudnessOfStored(key: string, format: string): Promise<number | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of await harness.storage.read(key)) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const { samples, sampleRate } = format === "mp3" ? await decodeMp3(bytes) : format === "flac" ? await decodeFlac(bytes) : decodeWav(bytes);
  const meter = new LoudnessMeter(sampleRate, 1);
  meter.add([samples], samples.length);
  return meter.integratedLufs();
}

describe("a submitted job ends as a stored, playable track", () => {
  it.each([
    ["per generation", "stable-audio-25", "flac", { prompt: "A warm analog synth arpeggio", duration_seconds: 10 }],
    ["per second", "mmaudio-v2-text-to-audio", "wav", { prompt: "Rain on a tin roof", duration_seconds: 2 }],
    ["per thousand characters", "elevenlabs-tts-v3", "mp3", { prompt: "Welcome to the studio, friend." }],
    ["by duration tier", "elevenlabs-music", "mp3", { prompt: "An upbeat ukulele jingle", duration_seconds: 4 }],
  ])("priced %s (%s, %s)", async (_pricing, model, format, draft) => {
    const { generations } = await submit(model, draft);
    const id = generations[0]!.id;
    const job = await waitForCompletion(harness.prisma, id);

    const track = await harness.prisma.track.findUniqueOrThrow({ where: { generationId: id } });
    expect(track).toMatchObject({ model, format, storageKey: `tracks/${id}.${format}`, creatorId: "creator-1", prompt: draft.prompt });
    await expectStoredAsServed(harness, id, draft.prompt);
    // Measured in the decode that drew its waveform, to 0.01 LU.
    expect(Math.abs(track.loudnessLufs! - (await loudnessOfStored(track.storageKey, format))!)).toBeLessThanOrEqual(0.005 + 1e-9);

    expect(job.queueId).toEqual(expect.any(String));
    expect(job.finishedAt).toBeInstanceOf(Date);
    expect(job.completedAt).toBeInstanceOf(Date);
    expect(job.executionMs).toBeGreaterThan(0);
    expect(job.leaseOwner).toBeNull();
    const calls = harness.sim.control.requests().filter((call) => (call.body as { queue_id?: string } | undefined)?.queue_id === job.queueId);
    expect(calls.filter((call) => call.endpoint === "retrieve")).toHaveLength(job.retrieveCalls);
    expect(calls.filter((call) => call.endpoint === "complete")).toHaveLength(1);

    expect(await getGeneration(id, harness.deps)).toMatchObject({ status: "completed", progress: 1, etaMs: 0, error: null, trackId: track.id });
  });

  it("queues each take of a batch once, and a repeated submit never again", async () => {
    const draft = { prompt: "A short marimba motif", duration_seconds: 10 };
    const input = { model: "stable-audio-25", draft, takes: 2, idempotencyKey: "double-submit", creatorId: "creator-1" };
    const first = await submitGeneration(input, harness.deps);
    const again = await submitGeneration(input, harness.deps);
    expect(again).toEqual(first);
    for (const { id } of first.generations) await waitForCompletion(harness.prisma, id);
    expect(await submitGeneration(input, harness.deps)).toMatchObject({ batchId: first.batchId });

    const queued = callsTo(harness.sim, "queue").filter((call) => (call.body as { prompt: string }).prompt === draft.prompt);
    expect(queued).toHaveLength(2);
  });

  it("asks early about a model it has never seen, and keeps Venice's expected time", async () => {
    // At 10× (not this file's 100×) even the fastest sonilo-v1-1-music job (0.25× its 25 s P80)
    // outlasts the first poll, so Venice's first answer is always "processing" with its P80.
    const slower = await startHarness({ speed: 10 });
    try {
      await slower.startWorker();
      const input = { model: "sonilo-v1-1-music", draft: { prompt: "A mellow lo-fi guitar loop", duration_seconds: 5 }, takes: 1 };
      const { generations } = await submitGeneration({ ...input, idempotencyKey: "never-seen", creatorId: "creator-1" }, slower.deps);
      const job = await waitForCompletion(slower.prisma, generations[0]!.id);
      expect(job.expectedMs).toBe(2_500);
      expect(job.retrieveCalls).toBeGreaterThanOrEqual(2);
    } finally {
      await slower.close();
    }
  });
});
