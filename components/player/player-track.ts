/** What the player needs to know about a track; the API's TrackView fits. */
export type PlayerTrack = {
  id: string;
  title: string;
  format: string;
  durationMs: number;
  audioUrl: string;
  peaksUrl: string;
  /** Integrated loudness (LUFS), for level matching; null or absent: played as it is. */
  loudnessLufs?: number | null;
  batchId?: string;
  takeNumber?: number;
  /** The live takes of its batch: more than one shows the takes switch. */
  takeCount?: number;
  /** Whether the viewer may mark it the keeper (the `k` key). */
  canEdit?: boolean;
  kept?: boolean;
};
