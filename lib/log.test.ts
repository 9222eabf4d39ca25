import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe("createLogger", () => {
  it("writes structured JSON lines", () => {
    const { lines, stream } = capture();
    createLogger({ level: "info", secrets: [] }, stream).info({ jobs: 3 }, "worker ready");
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 30, app: "venice-studio", jobs: 3, msg: "worker ready" });
  });

  it("never writes the Venice key, whether under a known key or inside any text", () => {
    const key = "vk_live_9f8e7d6c5b4a";
    const { lines, stream } = capture();
    const logger = createLogger({ level: "info", secrets: [key] }, stream);
    logger.info({ headers: { authorization: `Bearer ${key}` } }, "call");
    logger.error({ err: new Error(`upstream echoed ${key}`) }, `failed with ${key}`);
    logger.info({ apiKey: key, nested: { deeper: [key] } }, "config");
    const output = lines.join("");
    expect(lines).toHaveLength(3);
    expect(output).not.toContain(key);
    expect(output).toContain("[redacted]");
  });

  it("redacts an S3 secret key logged under its SDK name", () => {
    const { lines, stream } = capture();
    createLogger({ level: "info", secrets: [] }, stream).info({ credentials: { accessKeyId: "AKID", secretAccessKey: "s3-secret-value" } }, "client");
    expect(lines.join("")).not.toContain("s3-secret-value");
    expect(JSON.parse(lines[0]!).credentials).toEqual({ accessKeyId: "AKID", secretAccessKey: "[redacted]" });
  });
});
