export function buildLockPath(distDir: string): string;
export function takeBuildLock(buildLock: string): void;
export function releaseBuildLock(buildLock: string): void;
