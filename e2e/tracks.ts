import { expect, type APIRequestContext } from "@playwright/test";

/** Makes a 3-second sound effect through the API and waits until it is in the library; returns its track id. */
export async function createTrack(request: APIRequestContext, prompt: string): Promise<string> {
  const submitted = await request.post("/api/generations", {
    headers: { "Idempotency-Key": `e2e-track-${Date.now()}-${Math.random()}` },
    data: { model: "sonilo-v1-1-sound-effects", request: { prompt, duration_seconds: 3 } },
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
    .toBe("completed");
  expect(trackId).toBeTruthy();
  return trackId!;
}
