// A real S3-compatible server for tests and benchmarks: s3rver (npm) on loopback, with its
// data in a temp folder and one empty bucket. Credentials are s3rver's fixed S3RVER/S3RVER.
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type S3Server = {
  /** The four settings that switch the studio to this server (lib/env.ts). */
  env: { S3_ENDPOINT: string; S3_BUCKET: string; S3_ACCESS_KEY_ID: string; S3_SECRET_ACCESS_KEY: string };
  /** The folder s3rver keeps its objects in. */
  directory: string;
  close(): Promise<void>;
};

export async function startS3Server({ bucket = "studio-tracks" }: { bucket?: string } = {}): Promise<S3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), "studio-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const address = (await server.run()) as AddressInfo;
  return {
    env: {
      S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    },
    directory,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
