// The job lifecycle over real HTTP: charging, PROCESSING, delivery headers, settlement,
// refunds, completion and the queue_id rules. Audio bytes come from a stub renderer here
// (audio.test.ts checks the real renderer's output).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RenderOptions } from "./audio/render";
import { SIM_MODELS, type SimModel } from "./catalog";
import { NO_LIMITS, sleep, startSim, stubRender, type SimClient } from "@/tests/support/venice-sim";

const SFX = { model: "elevenlabs-sound-effects-v2", prompt: "rain on a tin roof", duration_seconds: 2 };
const GHOST = "0b8a1a5e-2f0c-4c8e-9a51-3c3f1f0d8e11";
const PROMPT = "A bright, upbeat synthwave groove";
const LYRICS = "City lights are calling me home tonight";

const renders: RenderOptions[] = [];
const recordingRender = async (input: RenderOptions) => {
  renders.push(input);
  const out = Buffer.alloc(2048, 1);
  out.write(`${input.format}:${input.seconds}`, 0, "latin1");
  return out;
};

let c: SimClient;
beforeAll(async () => {
  c = await startSim({ ...NO_LIMITS, render: recordingRender, speed: 500, seed: 1 });
});
afterAll(() => c.close());
beforeEach(() => {
  c.sim.control.reset();
  renders.length = 0;
});

function bodyFor(model: SimModel): Record<string, unknown> {
  const body: Record<string, unknown> = { model: model.id, prompt: PROMPT };
  if (model.model_spec.lyrics_required || model.id === "minimax-music-v25" || model.id === "minimax-music-v26") body.lyrics_prompt = LYRICS;
  return body;
}

async function balance(): Promise<number> {
  return (await c.get("/billing/balance")).body.balances.usd as number;
}

describe("charging", () => {
  it("takes exactly the quote at queue, for every model", async () => {
    for (const model of SIM_MODELS) {
      const before = await balance();
      const quoteBody: Record<string, unknown> = { model: model.id };
      if ("per_thousand_characters" in model.model_spec.pricing) quoteBody.character_count = PROMPT.length;
      const { quote } = (await c.post("/audio/quote", quoteBody)).body;
      await c.queue(bodyFor(model));
      expect(before - (await balance()), model.id).toBeCloseTo(quote, 9);
    }
  });

  it("charges per trimmed prompt character for text-to-speech", async () => {
    await c.queue({ model: "elevenlabs-tts-v3", prompt: `   ${"x".repeat(2000)}   ` });
    expect(100 - (await balance())).toBeCloseTo(0.23, 9);
  });

  it("answers 402 INSUFFICIENT_BALANCE when the balance is short, charging nothing", async () => {
    c.sim.control.setBalance(0.68);
    const reply = await c.post("/audio/queue", { model: "elevenlabs-music", prompt: PROMPT, duration_seconds: 60 });
    expect(reply.status).toBe(402);
    expect(reply.body).toEqual({ error: expect.stringMatching(/^Insufficient USD or Diem balance/), code: "INSUFFICIENT_BALANCE" });
    expect(await balance()).toBe(0.68);
    expect(c.sim.control.jobs()).toEqual([]);
    c.sim.control.setBalance(0.69);
    expect((await c.post("/audio/queue", { model: "elevenlabs-music", prompt: PROMPT, duration_seconds: 60 })).status).toBe(200);
    expect(await balance()).toBe(0);
    const empty = await c.get("/billing/balance");
    expect(empty.body.canConsume).toBe(false);
  });

  it("validates before it checks the balance", async () => {
    c.sim.control.setBalance(0);
    expect((await c.post("/audio/queue", { model: "elevenlabs-music", prompt: "short" })).status).toBe(400);
  });
});

describe("PROCESSING", () => {
  it("reports the scaled P80 and the cumulative execution_duration since enqueue", async () => {
    for (const speed of [1, 20]) {
      const s = await startSim({ render: stubRender(), speed });
      try {
        const id = await s.queue({ model: "minimax-music-v26", prompt: PROMPT, force_instrumental: true });
        const first = await s.post("/audio/retrieve", { model: "minimax-music-v26", queue_id: id });
        expect(first.status).toBe(200);
        expect(first.headers.get("content-type")).toMatch(/^application\/json/);
        expect(first.body).toEqual({ status: "PROCESSING", average_execution_time: 120_000 / speed, execution_duration: expect.any(Number) });
        await sleep(120);
        const second = await s.post("/audio/retrieve", { model: "minimax-music-v26", queue_id: id });
        expect(second.body.status).toBe("PROCESSING");
        expect(second.body.execution_duration - first.body.execution_duration).toBeGreaterThanOrEqual(100);
        expect(second.body.execution_duration).toBeLessThan(1000);
      } finally {
        await s.close();
      }
    }
  });

  it("finishes within 1.5x the scaled P80", async () => {
    const s = await startSim({ render: stubRender(), speed: 100 });
    try {
      const started = Date.now();
      const id = await s.queue({ model: "ace-step-15", prompt: PROMPT }); // P80 30 s -> 300 ms
      const reply = await s.waitForResult("ace-step-15", id, { intervalMs: 10 });
      expect(reply.status).toBe(200);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(300 * 0.25 - 5);
      expect(elapsed).toBeLessThan(300 * 1.5 + 150);
      expect(Number(reply.headers.get("x-venice-inference-time"))).toBeLessThanOrEqual(0.45);
    } finally {
      await s.close();
    }
  });
});

describe("delivery", () => {
  it("streams the audio with Venice's headers, in the model's default format", async () => {
    for (const model of SIM_MODELS) {
      const id = await c.queue(bodyFor(model));
      const reply = await c.waitForResult(model.id, id);
      expect(reply.status, model.id).toBe(200);
      const format = model.model_spec.default_format!;
      const type = { mp3: "audio/mpeg", wav: "audio/wav", flac: "audio/flac" }[format];
      expect(reply.headers.get("content-type"), model.id).toBe(type);
      expect(reply.headers.get("content-length")).toBe(String(reply.bytes!.length));
      expect(reply.headers.get("x-venice-audio-format")).toBe(format);
      expect(reply.headers.get("x-venice-model-id")).toBe(model.id);
      expect(reply.headers.get("x-venice-model-name")).toBe(model.model_spec.name);
      expect(Number(reply.headers.get("x-venice-inference-time"))).toBeGreaterThan(0);
      expect(reply.headers.has("x-venice-audio-duration")).toBe(model.id === "seed-audio-1-0");
      expect(reply.bytes!.subarray(0, format.length + 1).toString("latin1")).toBe(`${format}:`);
    }
  });

  it("renders each job once, in the background, whatever the number of retrieves", async () => {
    const slowRender = stubRender(1000, 300);
    const s = await startSim({ render: slowRender, speed: 1000 });
    try {
      const id = await s.queue(SFX);
      await sleep(50); // the job's time is up, its render is not
      const t0 = Date.now();
      const reply = await s.post("/audio/retrieve", { model: SFX.model, queue_id: id });
      expect(Date.now() - t0).toBeLessThan(250); // well under the 300 ms render: it did not wait
      expect(reply.body.status).toBe("PROCESSING");
      const done = await s.waitForResult(SFX.model, id, { intervalMs: 5 });
      expect(done.status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await s.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(200);
      expect(slowRender.calls).toBe(1);
    } finally {
      await s.close();
    }
  });

  it("a failed render fails the job with 500, refunded", async () => {
    const s = await startSim({ render: async () => Promise.reject(new Error("encoder crashed")), speed: 1000 });
    try {
      const id = await s.queue(SFX);
      expect(await s.waitForResult(SFX.model, id)).toMatchObject({ status: 500, body: { error: "Inference processing failed" } });
      expect(s.sim.control.balanceUsd()).toBe(100);
    } finally {
      await s.close();
    }
  });
});

describe("audio length", () => {
  async function lengthFor(body: Record<string, unknown>): Promise<number> {
    renders.length = 0;
    const id = await c.queue(body);
    await c.waitForResult(body.model as string, id);
    expect(renders).toHaveLength(1);
    return renders[0]!.seconds;
  }

  it("is the requested duration, else default_duration", async () => {
    expect(await lengthFor({ ...SFX, duration_seconds: "7" })).toBe(7);
    expect(await lengthFor({ model: "elevenlabs-sound-effects-v2", prompt: "rain" })).toBe(5);
    expect(await lengthFor({ model: "ace-step-15", prompt: PROMPT })).toBe(60);
    expect(await lengthFor({ model: "ace-step-15", prompt: PROMPT, duration_seconds: 90 })).toBe(90);
    expect(await lengthFor({ model: "elevenlabs-music", prompt: PROMPT, duration_seconds: 3 })).toBe(3);
  });

  it("is plausible per model where no duration is published", async () => {
    for (let i = 0; i < 5; i++) {
      const song = await lengthFor({ model: "minimax-music-v2", prompt: PROMPT, lyrics_prompt: LYRICS });
      expect(song).toBeGreaterThanOrEqual(60);
      expect(song).toBeLessThanOrEqual(120);
      const lyria = await lengthFor({ model: "lyria-3-pro", prompt: PROMPT });
      expect(lyria).toBeGreaterThanOrEqual(60);
      expect(lyria).toBeLessThanOrEqual(180);
    }
    expect(await lengthFor({ model: "elevenlabs-tts-v3", prompt: "x".repeat(300) })).toBe(20);
    expect(await lengthFor({ model: "elevenlabs-tts-v3", prompt: "Hi" })).toBe(1);
  });

  it("passes loop, instrumental and lyrics to the renderer", async () => {
    renders.length = 0;
    await c.waitForResult("sonilo-v1-1-music", await c.queue({ model: "sonilo-v1-1-music", prompt: PROMPT, loop: true, duration_seconds: 5 }));
    expect(renders[0]).toMatchObject({ loop: true, instrumental: true, format: "wav", seconds: 5, prompt: PROMPT });
    renders.length = 0;
    await c.waitForResult("ace-step-15", await c.queue({ model: "ace-step-15", prompt: `  ${PROMPT} `, lyrics_prompt: ` ${LYRICS} ` }));
    expect(renders[0]).toMatchObject({ instrumental: false, lyrics: LYRICS, prompt: PROMPT, format: "flac" });
  });
});

describe("seed-audio settlement", () => {
  it("reserves 120 s at queue and refunds the unused part once it settles on its real length", async () => {
    const id = await c.queue({ model: "seed-audio-1-0", prompt: PROMPT, voice: "Tim" });
    expect(100 - (await balance())).toBeCloseTo(0.345, 9);
    const reply = await c.waitForResult("seed-audio-1-0", id);
    expect(reply.status).toBe(200);
    const seconds = Number(reply.headers.get("x-venice-audio-duration"));
    expect(seconds).toBeGreaterThanOrEqual(30);
    expect(seconds).toBeLessThanOrEqual(120);
    expect(renders.at(-1)!.seconds).toBe(seconds);
    expect(100 - (await balance())).toBeCloseTo(seconds * 0.002875, 6);
  });
});

describe("completion and queue ids", () => {
  it("complete answers {success:true}, deletes the media; then retrieve and complete are 404", async () => {
    const id = await c.queue(SFX);
    expect((await c.waitForResult(SFX.model, id)).status).toBe(200);
    expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(200);
    const done = await c.post("/audio/complete", { model: SFX.model, queue_id: id });
    expect(done).toMatchObject({ status: 200, body: { success: true } });
    const again = await c.post("/audio/retrieve", { model: SFX.model, queue_id: id });
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ error: expect.any(String) });
    expect((await c.post("/audio/complete", { model: SFX.model, queue_id: id })).status).toBe(404);
  });

  it("complete on a running job answers {success:false} and deletes nothing", async () => {
    const s = await startSim({ render: stubRender(), speed: 1 });
    try {
      const id = await s.queue(SFX);
      expect(await s.post("/audio/complete", { model: SFX.model, queue_id: id })).toMatchObject({ status: 200, body: { success: false } });
      expect((await s.post("/audio/retrieve", { model: SFX.model, queue_id: id })).body.status).toBe("PROCESSING");
    } finally {
      await s.close();
    }
  });

  it("delete_media_on_completion deletes the media after that retrieve", async () => {
    const id = await c.queue(SFX);
    const reply = await c.waitForResult(SFX.model, id, { deleteMedia: true });
    expect(reply.status).toBe(200);
    expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(404);
  });

  it("delete_media_on_completion while processing deletes nothing", async () => {
    const s = await startSim({ render: stubRender(), speed: 1 });
    try {
      const id = await s.queue(SFX);
      const reply = await s.post("/audio/retrieve", { model: SFX.model, queue_id: id, delete_media_on_completion: true });
      expect(reply.body.status).toBe("PROCESSING");
      expect((await s.post("/audio/retrieve", { model: SFX.model, queue_id: id })).body.status).toBe("PROCESSING");
    } finally {
      await s.close();
    }
  });

  it("a uuid Venice never issued and a malformed id are a 400 'Request ID is invalid.'", async () => {
    for (const path of ["/audio/retrieve", "/audio/complete"]) {
      const unknown = await c.post(path, { model: SFX.model, queue_id: GHOST });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toBe("Request ID is invalid.");
      for (const bad of ["nope", "", "0b8a1a5e-2f0c-1c8e-9a51-3c3f1f0d8e11", `${GHOST}x`]) {
        const reply = await c.post(path, { model: SFX.model, queue_id: bad });
        expect(reply.status, bad).toBe(400);
        expect(reply.body.error).toBe("Request ID is invalid.");
        expect(reply.body.details.queue_id._errors).toEqual(["Request ID is invalid."]);
      }
      expect((await c.post(path, { model: SFX.model, queue_id: 42 })).status).toBe(400);
      expect((await c.post(path, { model: SFX.model })).status).toBe(400);
      expect((await c.post(path, { model: SFX.model, queue_id: GHOST, extra: 1 })).status).toBe(400);
      expect((await c.post(path, { model: "nope", queue_id: GHOST })).status).toBe(404);
    }
    expect((await c.post("/audio/complete", { model: SFX.model, queue_id: GHOST, delete_media_on_completion: true })).status).toBe(400);
  });

  it("a queue_id used with another model is a 400 'Request ID is invalid.'", async () => {
    const id = await c.queue(SFX);
    for (const path of ["/audio/retrieve", "/audio/complete"]) {
      const reply = await c.post(path, { model: "mmaudio-v2-text-to-audio", queue_id: id });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toBe("Request ID is invalid.");
    }
    expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id.toUpperCase() })).status).toBe(200);
  });

  it("a failed job's error repeats until it is completed", async () => {
    const id = await c.queue(SFX);
    c.sim.control.failJob(id);
    for (let i = 0; i < 2; i++) expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(500);
    expect((await c.post("/audio/complete", { model: SFX.model, queue_id: id })).body).toEqual({ success: true });
    expect((await c.post("/audio/retrieve", { model: SFX.model, queue_id: id })).status).toBe(404);
  });
});
