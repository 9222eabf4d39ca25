/** The loudness every track is brought to when normalizing, as streaming services do. */
export const TARGET_LUFS = -16;

type Loudness = number | null | undefined;
const measured = (loudness: Loudness): loudness is number => typeof loudness === "number" && Number.isFinite(loudness);

/**
 * The gain that brings a track of `loudnessLufs` to the target: 10^((target − L)/20). A media
 * element's volume cannot go above 1, so a quiet track cannot be raised; the takes of a batch
 * being compared are instead all brought to the quietest one's level when it is below the target
 * (`batch`: every take's loudness), so an A/B switch is heard at one level. Unmeasured tracks, or
 * normalizing off: 1.
 */
export function levelGain(loudnessLufs: Loudness, normalize: boolean, batch: readonly Loudness[] = []): number {
  if (!normalize || !measured(loudnessLufs)) return 1;
  const target = Math.min(TARGET_LUFS, ...batch.filter(measured));
  return Math.min(1, 10 ** ((target - loudnessLufs) / 20));
}
