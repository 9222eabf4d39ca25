// A shared track's audio and waveform never change, but its link can be revoked: browsers keep
// them yet ask again on every use (the ETag makes that a cheap 304), so a revoked link stops
// working at once instead of living on in caches.
export const SHARED_CACHE_CONTROL = "private, no-cache";
