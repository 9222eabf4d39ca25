import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const EMPTY_S3 = { S3_ENDPOINT: "", S3_BUCKET: "", S3_ACCESS_KEY_ID: "", S3_SECRET_ACCESS_KEY: "" };
const S3 = { S3_ENDPOINT: "http://127.0.0.1:9000", S3_BUCKET: "studio-tracks", S3_ACCESS_KEY_ID: "AKIA123", S3_SECRET_ACCESS_KEY: "s3cr3t-value" };

describe("parseEnv", () => {
  it("runs in demo mode with nothing set, with embedded database and storage under data/", () => {
    const env = parseEnv({});
    expect(env.mode).toBe("demo");
    expect(env.VENICE_API_BASE).toBe("https://api.venice.ai/api/v1");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(path.resolve("data"));
    expect(env.STORAGE_DIR).toBe(path.resolve("data", "storage"));
    expect(env.EMBEDDED_PG_PORT).toBe(54329);
    expect(env.SIM_FAULTS).toBe(false);
    expect(env.SIM_BALANCE_USD).toBe(100);
    expect(env.s3).toBeUndefined();
  });

  it("treats empty values as unset (as a copied .env.example leaves them)", () => {
    const env = parseEnv({ VENICE_API_KEY: "", DATABASE_URL: " ", STORAGE_DIR: "", ...EMPTY_S3, S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "1" });
    expect(env.mode).toBe("demo");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.s3).toBeUndefined();
  });

  it("switches to Venice mode with a key and reads every setting", () => {
    const env = parseEnv({
      VENICE_API_KEY: "vk-123",
      VENICE_API_BASE: "http://127.0.0.1:4010/api/v1",
      DATABASE_URL: "postgresql://u:p@db:5432/studio",
      STORAGE_DIR: "/srv/tracks",
      SIM_SPEED: "20",
      SIM_FAULTS: "1",
      SIM_BALANCE_USD: "2.5",
    });
    expect(env.mode).toBe("venice");
    expect(env.DATABASE_URL).toBe("postgresql://u:p@db:5432/studio");
    expect(env.STORAGE_DIR).toBe("/srv/tracks");
    expect(env.SIM_SPEED).toBe(20);
    expect(env.SIM_FAULTS).toBe(true);
    expect(env.SIM_BALANCE_USD).toBe(2.5);
  });

  it.each([
    ["VENICE_API_BASE", "not a url"],
    ["VENICE_API_BASE", "ftp://venice.ai"],
    ["DATABASE_URL", "mysql://localhost/db"],
    ["EMBEDDED_PG_PORT", "99999"],
    ["LOG_LEVEL", "loud"],
    ["SIM_SPEED", "-1"],
    ["SIM_FAULTS", "maybe"],
    ["SIM_BALANCE_USD", "-5"],
  ])("stops with one line naming %s when it is %j", (name, value) => {
    const attempt = () => parseEnv({ [name]: value });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(new RegExp(`^Invalid environment variable ${name}: [^\\n]+$`));
  });

  describe("S3 track storage", () => {
    it("switches to S3 with all four variables, path-style in us-east-1 by default", () => {
      expect(parseEnv(S3).s3).toEqual({
        endpoint: "http://127.0.0.1:9000",
        bucket: "studio-tracks",
        region: "us-east-1",
        forcePathStyle: true,
        credentials: { accessKeyId: "AKIA123", secretAccessKey: "s3cr3t-value" },
      });
    });

    it("reads the region and virtual-hosted style", () => {
      const env = parseEnv({ ...S3, S3_ENDPOINT: "https://s3.eu-west-3.amazonaws.com", S3_REGION: "eu-west-3", S3_FORCE_PATH_STYLE: "0" });
      expect(env.s3).toMatchObject({ endpoint: "https://s3.eu-west-3.amazonaws.com", region: "eu-west-3", forcePathStyle: false });
      expect(parseEnv({ ...S3, S3_FORCE_PATH_STYLE: "false" }).s3?.forcePathStyle).toBe(false);
      expect(parseEnv({ ...S3, S3_FORCE_PATH_STYLE: "true" }).s3?.forcePathStyle).toBe(true);
    });

    it.each([
      ["S3_ENDPOINT", { ...S3, S3_ENDPOINT: "" }],
      ["S3_BUCKET", { ...S3, S3_BUCKET: undefined }],
      ["S3_ACCESS_KEY_ID", { ...S3, S3_ACCESS_KEY_ID: " " }],
      ["S3_SECRET_ACCESS_KEY", { ...S3, S3_SECRET_ACCESS_KEY: undefined }],
      ["S3_BUCKET", { S3_ENDPOINT: S3.S3_ENDPOINT }],
      ["S3_ENDPOINT", { S3_SECRET_ACCESS_KEY: S3.S3_SECRET_ACCESS_KEY }],
    ])("stops with one line naming %s when only part of S3 is set", (missing, source) => {
      const attempt = () => parseEnv(source);
      expect(attempt).toThrow(EnvError);
      expect(attempt).toThrow(new RegExp(`^Invalid environment variable ${missing}: missing: S3 storage needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY \\(all four or none\\)$`));
    });

    it.each([
      ["S3_ENDPOINT", "minio:9000"],
      ["S3_ENDPOINT", "ftp://minio:9000"],
      ["S3_ENDPOINT", "http://admin:hunter22@minio:9000"],
      ["S3_BUCKET", "tracks/2025"],
      ["S3_FORCE_PATH_STYLE", "maybe"],
    ])("stops with one line naming %s when it is %j, without echoing secrets", (name, value) => {
      const attempt = () => parseEnv({ ...S3, [name]: value });
      expect(attempt).toThrow(new RegExp(`^Invalid environment variable ${name}: [^\\n]+$`));
      expect(attempt).not.toThrow(/hunter22|s3cr3t/);
    });
  });

  it("reads TRUSTED_PROXIES as a list of IPs and CIDR ranges, and names a bad entry's variable", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toBeUndefined();
    expect(parseEnv({ TRUSTED_PROXIES: " 10.0.0.5, 10.1.0.0/16 ,fd00::/8" }).TRUSTED_PROXIES).toEqual(["10.0.0.5", "10.1.0.0/16", "fd00::/8"]);
    for (const bad of ["proxy.internal", "10.0.0.0/33", "10.0.0.1/8/8", "::1/129"]) {
      expect(() => parseEnv({ TRUSTED_PROXIES: bad }), bad).toThrow(/^Invalid environment variable TRUSTED_PROXIES: /);
    }
  });
});
