// The min/max envelope of PCM that arrives block by block, for a track whose length is not
// known until it ends, in memory that does not grow with the track.
//
// Frames are gathered into buckets holding the min and max over every channel of their frames
// (the envelope of all channels together: averaging them would cancel out-of-phase content).
// A bucket starts at one frame wide. When all buckets are in use, neighbours are merged and
// the width doubles, so there are never more than 16 × `pairs` buckets. At the end each output
// pair takes the buckets overlapping its exact share of the frames: it never misses a peak in
// its share, and can only reach less than a bucket beyond either edge, which is under 1/8 of
// a pair (and nothing at all while the track is shorter than 16 × `pairs` frames).

const BUCKETS_PER_PAIR = 16;

export class PeakEnvelope {
  private readonly mins: Float32Array;
  private readonly maxs: Float32Array;
  private framesPerBucket = 1;
  /** Buckets in use, the last of which may still be filling. */
  private buckets = 0;
  private framesInLastBucket = 0;
  private totalFrames = 0;

  constructor(private readonly pairs: number) {
    if (!Number.isSafeInteger(pairs) || pairs < 1) throw new RangeError(`pairs must be a positive integer, got ${pairs}`);
    this.mins = new Float32Array(pairs * BUCKETS_PER_PAIR);
    this.maxs = new Float32Array(pairs * BUCKETS_PER_PAIR);
  }

  /** Frames added so far. */
  get frames(): number {
    return this.totalFrames;
  }

  add(channels: readonly Float32Array[], frames: number): void {
    for (let frame = 0; frame < frames; ) {
      if (this.framesInLastBucket === 0) this.openBucket();
      const last = this.buckets - 1;
      const run = Math.min(frames - frame, this.framesPerBucket - this.framesInLastBucket);
      let min = this.mins[last]!;
      let max = this.maxs[last]!;
      for (const samples of channels) {
        for (let i = frame; i < frame + run; i++) {
          const sample = samples[i]!;
          if (sample < min) min = sample;
          if (sample > max) max = sample;
        }
      }
      this.mins[last] = min;
      this.maxs[last] = max;
      frame += run;
      this.framesInLastBucket = (this.framesInLastBucket + run) % this.framesPerBucket;
    }
    this.totalFrames += frames;
  }

  /**
   * `[min0, max0, min1, max1, …]`: `pairs` pairs evenly spread over the frames added, or one
   * pair per frame when there were fewer frames than that.
   */
  toPairs(): number[] {
    const count = Math.min(this.pairs, this.totalFrames);
    const result = new Array<number>(count * 2);
    for (let pair = 0; pair < count; pair++) {
      const firstFrame = Math.floor((pair * this.totalFrames) / count);
      const endFrame = Math.floor(((pair + 1) * this.totalFrames) / count);
      const lastBucket = Math.floor((endFrame - 1) / this.framesPerBucket);
      let min = Infinity;
      let max = -Infinity;
      for (let bucket = Math.floor(firstFrame / this.framesPerBucket); bucket <= lastBucket; bucket++) {
        min = Math.min(min, this.mins[bucket]!);
        max = Math.max(max, this.maxs[bucket]!);
      }
      result[pair * 2] = min;
      result[pair * 2 + 1] = max;
    }
    return result;
  }

  private openBucket(): void {
    if (this.buckets === this.mins.length) {
      // Every bucket is full: merge neighbours, doubling the width, to free half of them.
      const half = this.buckets / 2;
      for (let bucket = 0; bucket < half; bucket++) {
        this.mins[bucket] = Math.min(this.mins[bucket * 2]!, this.mins[bucket * 2 + 1]!);
        this.maxs[bucket] = Math.max(this.maxs[bucket * 2]!, this.maxs[bucket * 2 + 1]!);
      }
      this.buckets = half;
      this.framesPerBucket *= 2;
    }
    this.mins[this.buckets] = Infinity;
    this.maxs[this.buckets] = -Infinity;
    this.buckets++;
  }
}
