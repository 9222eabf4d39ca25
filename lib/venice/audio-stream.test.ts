import { describe, expect, it } from "vitest";
import { guardAudioStream } from "./audio-stream";
import { VeniceError } from "./errors";

const chunk = (size: number) => new Uint8Array(size).fill(1);

/** A source that yields the given chunks, then ends, fails, or stalls forever. */
function source(chunks: Uint8Array[], ending: "end" | "error" | "stall" = "end") {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[index++];
      if (next) return controller.enqueue(next);
      if (ending === "end") return controller.close();
      if (ending === "error") return controller.error(new TypeError("terminated"));
      return new Promise<void>(() => {}); // never answers
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes, error: undefined };
      bytes += value.byteLength;
    }
  } catch (error) {
    return { bytes, error };
  }
}

function guarded(stream: ReadableStream<Uint8Array>, expectedBytes: number | undefined, idleTimeoutMs = 1000) {
  const aborted = { count: 0 };
  return { aborted, stream: guardAudioStream(stream, { expectedBytes, idleTimeoutMs, abort: () => void aborted.count++ }) };
}

describe("guardAudioStream", () => {
  it("passes a complete body through chunk by chunk", async () => {
    const { stream, aborted } = guarded(source([chunk(10), chunk(20), chunk(30)]), 60);
    expect(await readAll(stream)).toEqual({ bytes: 60, error: undefined });
    expect(aborted.count).toBe(0);
  });

  it("accepts a body without a Content-Length", async () => {
    expect(await readAll(guarded(source([chunk(5)]), undefined).stream)).toEqual({ bytes: 5, error: undefined });
  });

  it("fails with TRUNCATED after delivering the bytes that did arrive when the body ends short", async () => {
    const { stream, aborted } = guarded(source([chunk(10), chunk(20)]), 100);
    const { bytes, error } = await readAll(stream);
    expect(bytes).toBe(30);
    expect(error).toBeInstanceOf(VeniceError);
    expect(error).toMatchObject({ code: "TRUNCATED", status: 0 });
    expect(aborted.count).toBe(1);
  });

  it("fails with TRUNCATED when the connection drops mid-body", async () => {
    const { bytes, error } = await readAll(guarded(source([chunk(10)], "error"), 100).stream);
    expect(bytes).toBe(10);
    expect(error).toMatchObject({ code: "TRUNCATED" });
    expect((error as VeniceError).cause).toBeInstanceOf(TypeError);
  });

  it("fails with NETWORK when a body of unknown length drops", async () => {
    const { error } = await readAll(guarded(source([chunk(10)], "error"), undefined).stream);
    expect(error).toMatchObject({ code: "NETWORK" });
  });

  it("fails with TIMEOUT when the body stalls", async () => {
    const { stream, aborted } = guarded(source([chunk(10)], "stall"), 100, 50);
    const { bytes, error } = await readAll(stream);
    expect(bytes).toBe(10);
    expect(error).toMatchObject({ code: "TIMEOUT" });
    expect(aborted.count).toBe(1);
  });

  it("does not count a slow consumer as a stall", async () => {
    const { stream } = guarded(source([chunk(10), chunk(10)]), 20, 30);
    const reader = stream.getReader();
    expect((await reader.read()).value?.byteLength).toBe(10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await reader.read()).value?.byteLength).toBe(10);
    expect((await reader.read()).done).toBe(true);
  });

  it("aborts the request when the consumer cancels", async () => {
    const { stream, aborted } = guarded(source([chunk(10), chunk(10)]), 20);
    await stream.cancel("no longer needed");
    expect(aborted.count).toBe(1);
  });
});
