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
