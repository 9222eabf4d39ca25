import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  NoSuchKey,
  NoSuchUpload,
  S3Client,
  type GetObjectCommandOutput,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { log } from "@/lib/log";
import {
  assertValidStorageKey,
  StorageNotFoundError,
  type ByteRange,
  type StoredObject,
  type TrackStorage,
} from "./track-storage";

/** Where an S3-compatible store is and how to sign in to it (lib/env.ts builds this from S3_*). */
export type S3Config = {
  endpoint: string;
  bucket: string;
  region: string;
  /** Bucket in the path (`endpoint/bucket/key`), as MinIO, s3rver, R2 and Ceph expect. */
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** How long a call may wait for the store's answer (its headers). Default 15 s. */
  answerTimeoutMs?: number;
};

// S3's smallest part. A put holds at most QUEUE_SIZE parts in flight plus the one being
// filled, so memory stays near 15 MiB however long the track is.
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;
// Fail start-up (and requests) fast on an endpoint that does not answer: a connection within
// 5 s, an answer (its headers) within 15 s. No socket timeout on top: a streamed GET
// legitimately idles while a paused listener applies backpressure.
const CONNECTION_TIMEOUT_MS = 5_000;
const ANSWER_TIMEOUT_MS = 15_000;

export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS },
    // The SDK's default CRC32 checksums on every request are refused by many S3-compatible
    // stores; put() computes its own SHA-256 of every byte it sends.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Tracks as objects in one bucket of an S3-compatible store; a key is the object's name. */
export class S3Storage implements TrackStorage {
  private readonly bucket: string;
  private readonly endpoint: string;
  private readonly answerTimeoutMs: number;

  constructor(
    config: S3Config,
    private readonly client: S3Client = createS3Client(config),
  ) {
    this.bucket = config.bucket;
    this.endpoint = config.endpoint;
    this.answerTimeoutMs = config.answerTimeoutMs ?? ANSWER_TIMEOUT_MS;
  }

  async put(key: string, body: ReadableStream<Uint8Array>): Promise<StoredObject> {
    const reader = body.getReader();
    try {
      assertValidStorageKey(key);
      const hash = createHash("sha256");
      let bytes = 0;
      // Counted and hashed as Upload pulls it: part by part, at most QUEUE_SIZE parts ahead.
      const counted = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            const chunk = await reader.read();
            if (chunk.done) return controller.close();
            hash.update(chunk.value);
            bytes += chunk.value.byteLength;
            controller.enqueue(chunk.value);
          },
        },
        { highWaterMark: 0 },
      );
      // Bodies up to one part go up as a single PutObject; longer ones as a multipart upload,
      // which this code aborts itself (leavePartsOnError) so that the body's own error is the
      // one put() rejects with, whatever the abort answers.
      const upload = new Upload({
        client: this.client,
        params: { Bucket: this.bucket, Key: key, Body: counted },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: true,
      });
      try {
        await upload.done();
      } catch (error) {
        if (upload.uploadId) await this.abortMultipartUpload(key, upload.uploadId);
        throw error;
      }
      return { key, bytes, sha256: hash.digest("hex") };
    } catch (error) {
      // The store failed first (or the key is invalid): stop the download feeding this put.
      await reader.cancel(error).catch(() => {});
      throw error;
    }
  }

  // A put interrupted by a crash leaves a multipart upload that was never completed nor
  // aborted; its parts are billed until aborted. s3rver (used by the tests) implements neither
  // ListMultipartUploads (501 NotImplemented) nor AbortMultipartUpload (405), so on it this
  // rejects with that explanation instead of claiming there was nothing to clear.
  async removeAbandonedUploads(olderThanMs: number): Promise<number> {
    const startedBefore = Date.now() - olderThanMs;
    let removed = 0;
    let markers: { KeyMarker?: string; UploadIdMarker?: string } = {};
    for (;;) {
      const page = await this.answered((abortSignal) => this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, ...markers }), { abortSignal })).catch((error: unknown) => {
        if (errorName(error) !== "NotImplemented") throw error;
        throw new Error(
          "This S3 store does not list multipart uploads (ListMultipartUploads); expire abandoned ones with a bucket lifecycle rule (AbortIncompleteMultipartUpload)",
          { cause: error },
        );
      });
      for (const { Key, UploadId, Initiated } of page.Uploads ?? []) {
        if (!Key || !UploadId || !Initiated || Initiated.getTime() > startedBefore) continue;
        try {
          await this.answered((abortSignal) => this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId }), { abortSignal }));
          removed++;
        } catch (error) {
          // Completed or aborted elsewhere since the listing: nothing left to clear.
          if (!(error instanceof NoSuchUpload)) throw error;
        }
      }
      if (!page.IsTruncated) return removed;
      markers = { KeyMarker: page.NextKeyMarker, UploadIdMarker: page.NextUploadIdMarker };
    }
  }

  async stat(key: string): Promise<{ bytes: number } | null> {
    assertValidStorageKey(key);
    try {
      const head = await this.answered((abortSignal) => this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal }));
      return { bytes: head.ContentLength ?? 0 };
    } catch (error) {
      // A HEAD answer has no body, so a missing object is only "NotFound".
      if (errorName(error) === "NotFound") return null;
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    assertValidStorageKey(key);
    if (range) assertWellFormedRange(range);
    let object: GetObjectCommandOutput;
    try {
      object = await this.answered((abortSignal) =>
        this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range && `bytes=${range.start}-${range.end}` }), { abortSignal }),
      );
    } catch (error) {
      if (error instanceof NoSuchKey) throw new StorageNotFoundError(`No stored object ${key}`);
      if (range && errorName(error) === "InvalidRange") throw new RangeError(`Byte range ${range.start}-${range.end} is not within the object ${key}`);
      throw error;
    }
    // In Node the SDK's body is the HTTP response itself: a Readable.
    const body = object.Body as Readable;
    if (!range) return body;
    // S3 answers a range that starts inside the object but ends past it with the bytes it has
    // (206, shorter), and some S3-compatible stores serve more than asked (s3rver reads
    // `bytes=0-0` as the whole object); so compare what was served with what was asked.
    const served = servedRange(object);
    if (served && range.end >= served.size) {
      body.destroy();
      throw new RangeError(`Byte range ${range.start}-${range.end} is not within an object of ${served.size} bytes`);
    }
    if (!served || range.start < served.start || range.end > served.end) {
      body.destroy();
      throw new Error(`The S3 store answered a read of bytes ${range.start}-${range.end} of ${key} with ${object.ContentRange ?? "no Content-Range"}`);
    }
    const exact = served.start === range.start && served.end === range.end;
    return exact ? body : bytesWithin(body, range.start - served.start, range.end - range.start + 1);
  }

  async delete(key: string): Promise<void> {
    assertValidStorageKey(key);
    // S3 answers 204 for a key that is not there, as the contract wants.
    await this.answered((abortSignal) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal }));
  }

  /**
   * Start-up check that the bucket answers to these credentials. Throws an Error whose message
   * is one line saying what is wrong (never a credential), with the SDK's error as its cause.
   */
  async checkBucket(): Promise<void> {
    try {
      await this.answered((abortSignal) => this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal }));
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      const where = `S3 bucket "${this.bucket}" at ${this.endpoint}`;
      const problem =
        status === 404
          ? `${where} does not exist`
          : status === 401 || status === 403
            ? `${where} refused the credentials (S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY)`
            : status === undefined && errorName(error) === "AbortError"
              ? `S3 endpoint ${this.endpoint} is unreachable (no answer within ${this.answerTimeoutMs / 1000} s)`
              : status === undefined
                ? `S3 endpoint ${this.endpoint} is unreachable (${(error as NodeJS.ErrnoException).code ?? errorName(error)})`
              : `${where} answered HTTP ${status} (${errorName(error)})`;
      throw new Error(problem, { cause: error });
    }
  }

  /** A call that rejects when the store has not answered in time; a body streaming after the answer is not limited. */
  private async answered<T>(send: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.answerTimeoutMs);
    try {
      return await send(deadline.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the client's connections; the storage is not used after. */
  close(): void {
    this.client.destroy();
  }

  private async abortMultipartUpload(key: string, uploadId: string): Promise<void> {
    try {
      await this.answered((abortSignal) => this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }), { abortSignal }));
    } catch (error) {
      // put() still rejects with its own error; the parts wait for removeAbandonedUploads or
      // the bucket's lifecycle rule.
      log().warn({ err: error, key, uploadId }, "could not abort an unfinished multipart upload");
    }
  }
}

function assertWellFormedRange({ start, end }: ByteRange): void {
  const valid = Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end;
  if (!valid) throw new RangeError(`Byte range ${start}-${end} is not a range of bytes`);
}

/** The bytes a GetObject answer holds: its Content-Range, or the whole object for a plain 200. */
function servedRange(object: GetObjectCommandOutput): { start: number; end: number; size: number } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(object.ContentRange ?? "");
  if (match) return { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) };
  if (object.ContentRange === undefined && object.ContentLength !== undefined) return { start: 0, end: object.ContentLength - 1, size: object.ContentLength };
  return null;
}

/** `length` bytes of `source` after skipping `skip`; the source is released once they are out. */
function bytesWithin(source: Readable, skip: number, length: number): Readable {
  async function* slice() {
    try {
      let position = 0;
      for await (const chunk of source as AsyncIterable<Buffer>) {
        const from = Math.max(0, skip - position);
        const to = Math.min(chunk.length, skip + length - position);
        position += chunk.length;
        if (from < to) yield chunk.subarray(from, to);
        if (position >= skip + length) return;
      }
    } finally {
      source.destroy();
    }
  }
  return Readable.from(slice(), { objectMode: false });
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : String(error);
}
