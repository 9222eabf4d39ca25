import { expect, type APIRequestContext } from "@playwright/test";

/** Sonilo sound effects: short, cheap and quick to make in demo mode. */
export const TRACK_MODEL = "sonilo-v1-1-sound-effects";

/** Submits one sound effect through the API and waits for it to end in `status`; answers its id and its track's. */
export async function generate(request: APIRequestContext, prompt: string, seconds: number, status: "completed" | "failed") {
  const submitted = await request.post("/api/generations", {
    headers: { "Idempotency-Key": `e2e-track-${Date.now()}-${Math.random()}` },
    data: { model: TRACK_MODEL, request: { prompt, duration_seconds: seconds } },
  });
  expect(submitted.status(), await submitted.text()).toBe(202);
  const { generations } = (await submitted.json()) as { generations: { id: string }[] };
  const id = generations[0]!.id;
  let trackId: string | null = null;
  await expect
    .poll(
      async () => {
        const body = (await (await request.get(`/api/generations/${id}`)).json()) as { status: string; trackId: string | null };
        trackId = body.trackId;
        return body.status;
      },
      { timeout: 45_000, intervals: [250, 500, 1000] },
    )
    .toBe(status);
  return { generationId: id, trackId };
}

/** Makes a sound effect (3 s unless said) and waits until it is in the library; returns its track id. */
export async function createTrack(request: APIRequestContext, prompt: string, seconds = 3): Promise<string> {
  const { trackId } = await generate(request, prompt, seconds, "completed");
  expect(trackId).toBeTruthy();
  return trackId!;
}

/** Waits until the signed-in member has no job in flight (so no earlier spec's track lands mid-test). */
export async function waitUntilIdle(request: APIRequestContext) {
  await expect
    .poll(async () => ((await (await request.get("/api/generations?active=1")).json()) as { generations: unknown[] }).generations.length, {
      timeout: 60_000,
      intervals: [500, 1000],
    })
    .toBe(0);
}

/**
 * Makes a batch of `takes` sound effects (3 s unless said) through the API and waits until every
 * take is in the library; answers the batch id and its track ids by take (take 1 first).
 */
export async function createBatch(request: APIRequestContext, prompt: string, takes = 2, seconds = 3): Promise<{ batchId: string; trackIds: string[] }> {
  const submitted = await request.post("/api/generations", {
    headers: { "Idempotency-Key": `e2e-batch-${Date.now()}-${Math.random()}` },
    data: { model: TRACK_MODEL, request: { prompt, duration_seconds: seconds }, takes },
  });
  expect(submitted.status(), await submitted.text()).toBe(202);
  const { batchId, generations } = (await submitted.json()) as { batchId: string; generations: { id: string }[] };
  expect(generations).toHaveLength(takes);
  let someTrack: string | null = null;
  for (const { id } of generations) {
    await expect
      .poll(
        async () => {
          const body = (await (await request.get(`/api/generations/${id}`)).json()) as { status: string; trackId: string | null };
          someTrack = body.trackId ?? someTrack;
          return body.status;
        },
        { timeout: 45_000, intervals: [250, 500, 1000] },
      )
      .toBe("completed");
  }
  const { takes: stored } = (await (await request.get(`/api/tracks/${someTrack!}`)).json()) as { takes: { id: string; takeNumber: number }[] };
  expect(stored.map((take) => take.takeNumber)).toEqual(Array.from({ length: takes }, (_, i) => i + 1));
  return { batchId, trackIds: stored.map((take) => take.id) };
}
