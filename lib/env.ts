import "server-only";
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

// Every setting the studio reads from its environment, validated once. Nothing else
// reads process.env for these, so a wrong value fails start-up instead of a request.
const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const envSchema = z.object({
  VENICE_API_KEY: optionalText,
  VENICE_API_BASE: z.url({ protocol: /^https?$/ }).default("https://api.venice.ai/api/v1"),
  DATABASE_URL: optionalText.pipe(
    z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgresql:// URL" }).optional(),
  ),
  DATA_DIR: z.string().min(1).default("data"),
  /** The studio's public address (https://studio.example.com); inferred from requests when unset. */
  STUDIO_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /**
   * The reverse proxies (IPs or CIDR ranges) in front of the studio, whose X-Forwarded-For
   * entries are skipped to find the client's address for the per-IP sign-in limit.
   */
  TRUSTED_PROXIES: optionalText.pipe(
    z
      .string()
      .transform((list) => list.split(",").map((entry) => entry.trim()).filter(Boolean))
      .refine((entries) => entries.every(isIpOrCidr), "must be a comma-separated list of IP addresses or CIDR ranges")
      .optional(),
  ),
  /** Signs session cookies; when unset, one is generated once and kept in the database. */
  BETTER_AUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  STORAGE_DIR: optionalText,
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** How a failed sign-in's account appears in the log: its email's sha256, or the email itself. */
  LOG_SIGN_IN_EMAILS: z.enum(["hash", "plain"]).default("hash"),
  SIM_SPEED: z.coerce.number().positive().max(1000).default(1),
  SIM_BALANCE_USD: z.coerce.number().min(0).max(1_000_000).default(100),
  SIM_FAULTS: z.enum(["0", "1", "true", "false"]).default("0").transform((v) => v === "1" || v === "true"),
  /** S3-compatible track storage instead of STORAGE_DIR: all four of these, or none. */
  S3_ENDPOINT: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
      .refine((url) => !new URL(url).username && !new URL(url).password, "must not hold credentials (use S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)")
      .optional(),
  ),
  S3_BUCKET: optionalText.pipe(z.string().regex(/^[a-zA-Z0-9._-]{3,63}$/, "must be a bucket name (3 to 63 letters, digits, dots, dashes, underscores)").optional()),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_REGION: optionalText.transform((region) => region ?? "us-east-1"),
  S3_FORCE_PATH_STYLE: optionalText.pipe(z.enum(["0", "1", "true", "false"]).optional()).transform((v) => v !== "0" && v !== "false"),
});

function isIpOrCidr(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

const S3_REQUIRED = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

// S3 storage is all four settings or none: half a configuration would silently keep tracks on local disk.
const envSchemaWithS3 = envSchema.superRefine((parsed, context) => {
  const missing = S3_REQUIRED.filter((name) => !parsed[name]);
  if (missing.length === 0 || missing.length === S3_REQUIRED.length) return;
  context.addIssue({ code: "custom", path: [missing[0]!], message: `missing: S3 storage needs ${S3_REQUIRED.join(", ")} (all four or none)` });
});

export type Env = ReturnType<typeof resolveEnv>;

export class EnvError extends Error {}

/** Parses an environment; throws EnvError whose message is one line naming the variable. */
export function parseEnv(source: Record<string, string | undefined>) {
  const result = envSchemaWithS3.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new EnvError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  return resolveEnv(result.data);
}

function resolveEnv({ S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION, S3_FORCE_PATH_STYLE, ...parsed }: z.infer<typeof envSchema>) {
  // turbopackIgnore: these are run-time folders, not files for the build to trace.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ parsed.DATA_DIR);
  const s3 =
    S3_ENDPOINT && S3_BUCKET && S3_ACCESS_KEY_ID && S3_SECRET_ACCESS_KEY
      ? {
          endpoint: S3_ENDPOINT,
          bucket: S3_BUCKET,
          region: S3_REGION,
          forcePathStyle: S3_FORCE_PATH_STYLE,
          credentials: { accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY },
        }
      : undefined;
  return {
    ...parsed,
    /** Where tracks live: this S3-compatible bucket when set, else STORAGE_DIR. */
    s3,
    DATA_DIR: dataDir,
    STORAGE_DIR: path.resolve(/*turbopackIgnore: true*/ parsed.STORAGE_DIR ?? path.join(dataDir, "storage")),
    mode: parsed.VENICE_API_KEY ? ("venice" as const) : ("demo" as const),
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
