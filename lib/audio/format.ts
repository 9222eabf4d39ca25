// The audio file formats Venice delivers, and so the ones the studio stores, decodes and serves.
export type AudioFormat = "mp3" | "wav" | "flac";
