// Renders an Arrangement to mono Float32 PCM of exactly round(seconds × sampleRate) samples.
// Voices add into a dry bus and a reverb send; the master applies reverb, the loop wrap (or
// fades), loudness normalisation and a soft limiter.

import type { Arrangement } from "./arrangement";
import { renderDrum } from "./drums";
import { applyFades, lofiTexture, normaliseAndLimit, reverb, wrapLoop } from "./effects";
import { hashString } from "./random";
import { renderNote, type Bus } from "./voices";
import { cooperative } from "./cooperative";

/** Seconds rendered past the end: releases and reverb tails (wrapped to the start for loops). */
const TAIL_SECONDS = 3;

export async function renderArrangement(arr: Arrangement, sampleRate: number): Promise<Float32Array> {
  const pause = cooperative();
  const length = Math.round(arr.seconds * sampleRate);
  if (length === 0) return new Float32Array(0);
  const tail = arr.loop ? Math.round(TAIL_SECONDS * sampleRate) : 0;
  const bus: Bus = { dry: new Float32Array(length + tail), send: new Float32Array(length + tail), sampleRate };
  const ctx = { bus, style: arr.style, noiseSeed: 0 };
  for (let i = 0; i < arr.notes.length; i++) {
    const note = arr.notes[i];
    if (!note) continue;
    ctx.noiseSeed = hashString(`${arr.seed}:n${i}`);
    renderNote(note, ctx);
    if ((i & 15) === 15) await pause();
  }
  for (let i = 0; i < arr.drums.length; i++) {
    const hit = arr.drums[i];
    if (hit) renderDrum(hit, bus, arr.style, hashString(`${arr.seed}:d${i}`));
    if ((i & 63) === 63) await pause();
  }
  await reverb(bus.dry, bus.send, sampleRate, arr.style.reverb, pause);
  bus.send = new Float32Array(0); // free the send bus early

  let pcm = arr.loop ? wrapLoop(bus.dry, length) : bus.dry;
  if (arr.style.lofi) lofiTexture(pcm, sampleRate, arr.seed);
  await pause();
  normaliseAndLimit(pcm);
  if (!arr.loop) applyFades(pcm, sampleRate, 0.005, Math.min(2.5, arr.seconds * 0.2));
  if (pcm.buffer.byteLength !== pcm.byteLength) pcm = pcm.slice(); // drop the wrapped tail
  return pcm;
}
