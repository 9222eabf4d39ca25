// Real audio end to end: the simulator with its real renderer, over HTTP. Checks each
// format's magic bytes, Content-Type/Content-Length and the decoded length.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_LIMITS, sleep, startSim, type SimClient } from "@/tests/support/venice-sim";

/** Seconds of audio in a WAV file, from its fmt and data chunks. */
function wavSeconds(buf: Buffer): number {
  expect(buf.toString("latin1", 0, 4)).toBe("RIFF");
  expect(buf.toString("latin1", 8, 12)).toBe("WAVE");
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= buf.length) {
    const id = buf.toString("latin1", offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    if (id === "fmt ") byteRate = buf.readUInt32LE(offset + 16);
    if (id === "data") return Math.min(size, buf.length - offset - 8) / byteRate;
    offset += 8 + size + (size % 2);
  }
  throw new Error("no data chunk");
}

/** Seconds of audio in a FLAC file, from STREAMINFO. */
function flacSeconds(buf: Buffer): number {
  expect(buf.toString("latin1", 0, 4)).toBe("fLaC");
  const info = buf.subarray(8, 8 + 34);
  const sampleRate = (info[10]! << 12) | (info[11]! << 4) | (info[12]! >> 4);
  const totalSamples = (info[13]! & 0x0f) * 2 ** 32 + (((info[14]! << 24) | (info[15]! << 16) | (info[16]! << 8) | info[17]!) >>> 0);
  return totalSamples / sampleRate;
}

const MP3_BITRATES: Record<"1" | "2", number[]> = {
  "1": [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  "2": [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MP3_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** Seconds of audio in an MPEG layer III stream, by walking its frame headers. */
function mp3Seconds(buf: Buffer): number {
  let offset = 0;
  if (buf.toString("latin1", 0, 3) === "ID3") {
    offset = 10 + ((buf[6]! << 21) | (buf[7]! << 14) | (buf[8]! << 7) | buf[9]!);
  }
  let seconds = 0;
  let frames = 0;
  while (offset + 4 <= buf.length) {
    const b1 = buf[offset + 1]!;
    const b2 = buf[offset + 2]!;
    if (buf[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) break;
    const version = (b1 >> 3) & 3; // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
    const layer = (b1 >> 1) & 3; // 1 = layer III
    expect(layer).toBe(1);
    const bitrate = MP3_BITRATES[version === 3 ? "1" : "2"][b2 >> 4]! * 1000;
    const rate = MP3_RATES[version]![(b2 >> 2) & 3]!;
    const padding = (b2 >> 1) & 1;
    const samples = version === 3 ? 1152 : 576;
    const length = Math.floor(((samples / 8) * bitrate) / rate) + padding;
    if (length <= 4) break;
    seconds += samples / rate;
    frames++;
    offset += length;
  }
  expect(frames).toBeGreaterThan(10);
  return seconds;
}

let c: SimClient;
beforeAll(async () => {
  c = await startSim({ ...NO_LIMITS, speed: 1000 });
});
afterAll(() => c.close());

async function produce(body: Record<string, unknown>) {
  const id = await c.queue(body);
  const reply = await c.waitForResult(body.model as string, id, { timeoutMs: 25_000 });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.headers.get("content-length")).toBe(String(reply.bytes!.length));
  return reply;
}

describe("real audio", () => {
  it("mp3: audio/mpeg, MPEG frames, the requested length", async () => {
    const reply = await produce({ model: "elevenlabs-sound-effects-v2", prompt: "rain on a tin roof", duration_seconds: 3 });
    expect(reply.headers.get("content-type")).toBe("audio/mpeg");
    expect(reply.headers.get("x-venice-audio-format")).toBe("mp3");
    expect(mp3Seconds(reply.bytes!)).toBeGreaterThan(2.85);
    expect(mp3Seconds(reply.bytes!)).toBeLessThan(3.2);
  });

  it("wav: audio/wav, RIFF/WAVE, the requested length, looped", async () => {
    const reply = await produce({ model: "sonilo-v1-1-sound-effects", prompt: "a door creaking open", duration_seconds: 2, loop: true });
    expect(reply.headers.get("content-type")).toBe("audio/wav");
    expect(wavSeconds(reply.bytes!)).toBeCloseTo(2, 1);
  });

  it("flac: audio/flac, fLaC, the requested length", async () => {
    const reply = await produce({ model: "stable-audio-25", prompt: "A calm ambient piano piece", duration_seconds: 10 });
    expect(reply.headers.get("content-type")).toBe("audio/flac");
    expect(flacSeconds(reply.bytes!)).toBeCloseTo(10, 1);
  });

  it("seed-audio: x-venice-audio-duration matches the audio", async () => {
    const reply = await produce({ model: "seed-audio-1-0", prompt: "A folk song about the sea", voice: "Tim", lyrics_prompt: "Sail away" });
    const seconds = Number(reply.headers.get("x-venice-audio-duration"));
    expect(seconds).toBeGreaterThanOrEqual(30);
    expect(seconds).toBeLessThanOrEqual(120);
    expect(Math.abs(mp3Seconds(reply.bytes!) - seconds)).toBeLessThan(0.2);
  });

  it("renders cooperatively: a long render stalls neither retrieve nor anything else", async () => {
    // 600 s of MP3 is the longest render (~8 s of CPU): its time is up at speed 1000 long before.
    const id = await c.queue({ model: "elevenlabs-music", prompt: "A sprawling progressive rock epic", duration_seconds: 600 });
    await sleep(200);
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      const reply = await c.post("/audio/retrieve", { model: "elevenlabs-music", queue_id: id });
      expect(reply.body.status).toBe("PROCESSING");
      expect((await c.post("/audio/quote", { model: "lyria-3-pro" })).status).toBe(200);
      // A render that held the event loop would delay these answers by seconds (~8 s of CPU);
      // the bound is loose so a busy 2-core CI machine does not make it flaky.
      expect(Date.now() - t0).toBeLessThan(1500);
      await sleep(100);
    }
  });
});
