import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startS3Server, type S3Server } from "@/tests/support/s3";
import { createS3Client, S3Storage, type S3Config } from "./s3-storage";
import { bodyOf, describeTrackStorageContract, readAll, sha256, split } from "@/tests/support/track-storage-contract";

const MiB = 1024 * 1024;
// s3rver does not verify SigV4 signatures, so any secret signs in; this one is looked for in errors.
const secret = "a-secret-that-must-not-leak";
const CHUNK = 64 * 1024;

let server: S3Server;
let admin: S3Client;

beforeAll(async () => {
  process.env.LOG_LEVEL = "silent";
  server = await startS3Server();
  admin = createS3Client(configFor(server.env.S3_BUCKET));
});

afterAll(async () => {
  admin.destroy();
  await server.close();
});

function configFor(bucket: string, overrides: Partial<S3Config> = {}): S3Config {
  return {
    endpoint: server.env.S3_ENDPOINT,
    bucket,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: server.env.S3_ACCESS_KEY_ID, secretAccessKey: server.env.S3_SECRET_ACCESS_KEY },
    ...overrides,
  };
}

/** A new empty bucket on the s3rver, so every case starts from nothing. */
async function freshBucket(): Promise<string> {
  const bucket = `tracks-${randomBytes(6).toString("hex")}`;
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

async function keysIn(bucket: string): Promise<string[]> {
  const listed = await admin.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (listed.Contents ?? []).map((object) => object.Key!).sort();
}

type SentRequest = { command: string; input: Record<string, unknown>; status?: number };

/** A client that notes every command it sends and the HTTP status it got back. */
function watchedClient(config: S3Config, onSend: (command: string) => void = () => {}) {
  const client = createS3Client(config);
  const sent: SentRequest[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      onSend(context.commandName!);
      const request: SentRequest = { command: context.commandName!, input: args.input as Record<string, unknown> };
      sent.push(request);
      try {
        const output = await next(args);
        request.status = (output.output as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        return output;
      } catch (error) {
        request.status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        throw error;
      }
    },
    { step: "initialize", name: "watchRequests" },
  );
  return { client, sent };
}

describeTrackStorageContract(
  "S3Storage",
  async () => {
    const bucket = await freshBucket();
    const storage = new S3Storage(configFor(bucket));
    return { storage, contents: () => keysIn(bucket), close: async () => storage.close() };
  },
  // S3 keeps the last complete PUT of a key; s3rver writes objects in place, so two PUTs of
  // one key interleave their bytes on its disk.
  { sameKeyRaceUncheckable: "s3rver writes objects in place" },
);

describe("S3Storage on an S3-compatible server (s3rver)", () => {
  let bucket: string;
  beforeEach(async () => {
    bucket = await freshBucket();
  });

  it("uploads a 12 MiB body as a multipart upload of 5 MiB parts, never holding the whole body", async () => {
    const content = randomBytes(12 * MiB);
    const body = bodyOf(split(content, CHUNK));
    let pulledAtFirstPart: number | undefined;
    const { client, sent } = watchedClient(configFor(bucket), (command) => {
      if (command === "UploadPartCommand") pulledAtFirstPart ??= body.pulled;
    });
    const stored = await new S3Storage(configFor(bucket), client).put("tracks/long.wav", body.stream);

    expect(stored).toEqual({ key: "tracks/long.wav", bytes: content.length, sha256: sha256(content) });
    expect(sent.map((request) => [request.command, request.input.PartNumber])).toEqual([
      ["CreateMultipartUploadCommand", undefined],
      ...[1, 2, 3].map((part) => ["UploadPartCommand", part]),
      ["CompleteMultipartUploadCommand", undefined],
    ]);
    // Parts go up while the body is still arriving: when the first part was sent, at most two
    // parts (the queue) had been read, plus the chunk that split them and the one the body's
    // own stream queues ahead.
    expect(pulledAtFirstPart).toBeLessThanOrEqual(2 * 5 * MiB + 2 * CHUNK);
    const object = await admin.send(new GetObjectCommand({ Bucket: bucket, Key: "tracks/long.wav" }));
    expect(sha256(Buffer.from(await object.Body!.transformToByteArray()))).toBe(stored.sha256);
    expect(sha256(await readAll(await new S3Storage(configFor(bucket)).read("tracks/long.wav", { start: 5 * MiB - 10, end: 10 * MiB + 9 })))).toBe(
      sha256(content.subarray(5 * MiB - 10, 10 * MiB + 10)),
    );
  });

  it("aborts its multipart upload and rejects with the body's error when the body fails after two parts", async () => {
    const failure = new TypeError("terminated");
    const body = bodyOf(split(randomBytes(11 * MiB), CHUNK), { failWith: failure });
    const { client, sent } = watchedClient(configFor(bucket));

    await expect(new S3Storage(configFor(bucket), client).put("tracks/cut.mp3", body.stream)).rejects.toBe(failure);

    const created = sent.find((request) => request.command === "CreateMultipartUploadCommand");
    expect(sent.filter((request) => request.command === "UploadPartCommand").length).toBeGreaterThan(0);
    expect(sent.map((request) => request.command)).not.toContain("CompleteMultipartUploadCommand");
    const abort = sent.find((request) => request.command === "AbortMultipartUploadCommand");
    expect(abort?.input).toMatchObject({ Bucket: bucket, Key: "tracks/cut.mp3", UploadId: expect.any(String) });
    expect(created?.status).toBe(200);
    // s3rver does not implement AbortMultipartUpload (405): put() still rejects with the
    // body's error, and on this server the parts stay in its upload folder.
    expect(abort?.status).toBe(405);
    expect(await keysIn(bucket)).toEqual([]);
  });

  it("cancels the body, without reading it all, when the store fails first", async () => {
    const content = randomBytes(12 * MiB);
    const body = bodyOf(split(content, CHUNK));
    const storage = new S3Storage(configFor("no-such-bucket", { credentials: { accessKeyId: "S3RVER", secretAccessKey: secret } }));
    const failure = await storage.put("tracks/nowhere.mp3", body.stream).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: "NoSuchBucket" });
    // What the worker would log about it holds no credential.
    expect(inspect(failure, { depth: 10 })).not.toContain(secret);
    expect(body.cancelled).toBe(true);
    expect(body.pulled).toBeLessThan(content.length);
  });

  it("says plainly that s3rver cannot list abandoned multipart uploads", async () => {
    await expect(new S3Storage(configFor(bucket)).removeAbandonedUploads(0)).rejects.toThrow(
      /does not list multipart uploads \(ListMultipartUploads\); expire abandoned ones with a bucket lifecycle rule/,
    );
  });

  describe("checkBucket", () => {

    it("passes for a bucket that answers", async () => {
      await expect(new S3Storage(configFor(bucket)).checkBucket()).resolves.toBeUndefined();
    });

    it.each([
      ["a missing bucket", () => configFor("missing-bucket", { credentials: { accessKeyId: "S3RVER", secretAccessKey: secret } }), /^S3 bucket "missing-bucket" at http:\/\/127\.0\.0\.1:\d+ does not exist$/],
      ["refused credentials", () => configFor(bucket, { credentials: { accessKeyId: "WRONG", secretAccessKey: secret } }), /^S3 bucket "tracks-\w+" at http:\/\/127\.0\.0\.1:\d+ refused the credentials \(S3_ACCESS_KEY_ID \/ S3_SECRET_ACCESS_KEY\)$/],
    ])("names %s in one line, without the secret", async (_name, config, message) => {
      const failure = await new S3Storage(config()).checkBucket().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(message);
      expect(inspect(failure, { depth: 10 })).not.toContain(secret);
    });

    it("names an endpoint that does not answer", async () => {
      const closedPort = await freePort();
      const storage = new S3Storage(configFor(bucket, { endpoint: `http://127.0.0.1:${closedPort}` }));
      await expect(storage.checkBucket()).rejects.toThrow(`S3 endpoint http://127.0.0.1:${closedPort} is unreachable (ECONNREFUSED)`);
    });

    it("gives up on an endpoint that takes the connection but never answers, for start-up and for reads", async () => {
      const silent = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const storage = new S3Storage(configFor(bucket, { endpoint, answerTimeoutMs: 300 }));
      try {
        const started = Date.now();
        await expect(storage.checkBucket()).rejects.toThrow(`S3 endpoint ${endpoint} is unreachable (no answer within 0.3 s)`);
        await expect(storage.stat("tracks/a.mp3")).rejects.toThrow();
        await expect(storage.read("tracks/a.mp3")).rejects.toThrow();
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        storage.close();
        silent.closeAllConnections();
        await new Promise((resolve) => silent.close(resolve));
      }
    });
  });
});

// What s3rver cannot show, checked through the real SDK against a loopback stand-in that
// answers just the requests involved, in S3's documented format: the sweep's paging and age
// filter (s3rver answers ListMultipartUploads with 501), and a ranged read from a store that
// ignores Range and sends the whole object.
describe("S3Storage against a stand-in for what s3rver lacks", () => {
  type PendingUpload = { key: string; uploadId: string; initiated: Date };
  let stub: Server;
  let uploads: PendingUpload[];
  let aborted: string[];
  const PAGE = 2;
  const WHOLE = randomBytes(300_000);

  beforeAll(async () => {
    stub = createServer((request, response) => {
      const url = new URL(request.url!, "http://stub");
      if (request.method === "GET" && url.searchParams.has("uploads")) {
        const after = url.searchParams.get("upload-id-marker");
        const from = after ? uploads.findIndex((upload) => upload.uploadId === after) + 1 : 0;
        const page = uploads.slice(from, from + PAGE);
        const truncated = from + PAGE < uploads.length;
        response.setHeader("content-type", "application/xml");
        response.end(
          `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
            `<Bucket>stub</Bucket><MaxUploads>${PAGE}</MaxUploads><IsTruncated>${truncated}</IsTruncated>` +
            (truncated ? `<NextKeyMarker>${page.at(-1)!.key}</NextKeyMarker><NextUploadIdMarker>${page.at(-1)!.uploadId}</NextUploadIdMarker>` : "") +
            page.map((upload) => `<Upload><Key>${upload.key}</Key><UploadId>${upload.uploadId}</UploadId><Initiated>${upload.initiated.toISOString()}</Initiated></Upload>`).join("") +
            `</ListMultipartUploadsResult>`,
        );
      } else if (request.method === "DELETE" && url.searchParams.has("uploadId")) {
        const uploadId = url.searchParams.get("uploadId")!;
        if (uploadId === "finished-meanwhile") {
          response.statusCode = 404;
          response.setHeader("content-type", "application/xml");
          response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>`);
          return;
        }
        aborted.push(`${decodeURIComponent(url.pathname)}?${uploadId}`);
        response.statusCode = 204;
        response.end();
      } else if (request.method === "GET" && url.pathname === "/stub/whole.mp3") {
        response.setHeader("content-length", WHOLE.length);
        for (const chunk of split(WHOLE, 7_001)) response.write(chunk);
        response.end();
      } else {
        response.statusCode = 400;
        response.end();
      }
    });
    await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => stub.close(resolve));
  });

  it("aborts, across pages, only the uploads started before the cut-off", async () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    uploads = [
      { key: "tracks/a.mp3", uploadId: "old-1", initiated: hoursAgo(5) },
      { key: "tracks/b.mp3", uploadId: "recent-1", initiated: hoursAgo(0.1) },
      { key: "tracks/c.mp3", uploadId: "old-2", initiated: hoursAgo(2) },
      { key: "tracks/d.mp3", uploadId: "finished-meanwhile", initiated: hoursAgo(3) },
      { key: "tracks/e.mp3", uploadId: "old-3", initiated: hoursAgo(1.5) },
    ];
    aborted = [];
    const { port } = stub.address() as AddressInfo;
    const storage = new S3Storage(configFor("stub", { endpoint: `http://127.0.0.1:${port}` }));

    expect(await storage.removeAbandonedUploads(3_600_000)).toBe(3);
    expect(aborted).toEqual(["/stub/tracks/a.mp3?old-1", "/stub/tracks/c.mp3?old-2", "/stub/tracks/e.mp3?old-3"]);
  });

  it("passes on only the asked bytes when the store answers a range with the whole object", async () => {
    const { port } = stub.address() as AddressInfo;
    const storage = new S3Storage(configFor("stub", { endpoint: `http://127.0.0.1:${port}` }));
    for (const [start, end] of [[0, 0], [12_345, 250_000], [299_999, 299_999]] as const) {
      expect(sha256(await readAll(await storage.read("whole.mp3", { start, end }))), `${start}-${end}`).toBe(sha256(WHOLE.subarray(start, end + 1)));
    }
    await expect(storage.read("whole.mp3", { start: 0, end: 300_000 })).rejects.toThrow(RangeError);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
