import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

// Structured JSON logs. Secrets are kept out twice: by key (redact) and by value (the
// Venice key, the session secret, the database password and the S3 secret key are scrubbed
// from every line written, wherever they might have slipped in).
export function createLogger(opts: { level: string; secrets: (string | undefined)[] }, destination?: pino.DestinationStream) {
  const secrets = opts.secrets.filter((secret): secret is string => Boolean(secret && secret.length >= 4));
  return pino(
    {
      level: opts.level,
      base: { app: "venice-studio" },
      redact: {
        paths: ["authorization", "*.authorization", "headers.authorization", "apiKey", "*.apiKey", "password", "*.password", "secretAccessKey", "*.secretAccessKey"],
        censor: "[redacted]",
      },
      hooks: {
        streamWrite: (line) => secrets.reduce((text, secret) => text.replaceAll(secret, "[redacted]"), line),
      },
    },
    destination,
  );
}

let logger: pino.Logger | undefined;

export function log(): pino.Logger {
  const { LOG_LEVEL, VENICE_API_KEY, DATABASE_URL, BETTER_AUTH_SECRET, s3 } = env();
  logger ??= createLogger({
    level: LOG_LEVEL,
    secrets: [VENICE_API_KEY, BETTER_AUTH_SECRET, DATABASE_URL && new URL(DATABASE_URL).password, s3?.credentials.secretAccessKey],
  });
  return logger;
}
