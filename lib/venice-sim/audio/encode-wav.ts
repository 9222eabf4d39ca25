// 16-bit PCM WAV (RIFF/WAVE, canonical 44-byte header) from mono Float32 samples.

import { floatToInt16 } from "./pcm";

export function encodeWav(pcm: Float32Array, sampleRate: number): Buffer {
  const channels = 1;
  const bytesPerSample = 2;
  const dataBytes = pcm.length * channels * bytesPerSample;
  const out = Buffer.alloc(44 + dataBytes);
  out.write("RIFF", 0, "ascii");
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write("WAVE", 8, "ascii");
  out.write("fmt ", 12, "ascii");
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(channels, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * channels * bytesPerSample, 28); // byte rate
  out.writeUInt16LE(channels * bytesPerSample, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write("data", 36, "ascii");
  out.writeUInt32LE(dataBytes, 40);
  // Samples straight into the output (little-endian hosts; checked below).
  if (out.byteOffset % 2 === 0 && LITTLE_ENDIAN) {
    floatToInt16(pcm, 0, new Int16Array(out.buffer, out.byteOffset + 44, pcm.length));
  } else {
    const chunk = new Int16Array(8192);
    for (let from = 0; from < pcm.length; from += chunk.length) {
      const n = floatToInt16(pcm, from, chunk);
      for (let i = 0; i < n; i++) out.writeInt16LE(chunk[i] as number, 44 + (from + i) * 2);
    }
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
