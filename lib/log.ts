import "server-only";
import pino from "pino";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";

// Structured JSON logs. Secrets are kept out twice: by key (redact) and by value (the
// Venice key, the session secret, the database password and the S3 secret key are scrubbed
// from every line written, wherever they might have slipped in). `secrets` is read at every
// line, so a secret added to it later is scrubbed from then on.
export function createLogger(opts: { level: string; secrets: Iterable<string | undefined> }, destination?: pino.DestinationStream) {
  const secrets = () => [...opts.secrets].filter((secret): secret is string => Boolean(secret && secret.length >= 4));
  return pino(
    {
      level: opts.level,
      base: { app: "venice-studio" },
      redact: {
        paths: ["authorization", "*.authorization", "headers.authorization", "apiKey", "*.apiKey", "password", "*.password", "secretAccessKey", "*.secretAccessKey"],
        censor: "[redacted]",
      },
      hooks: {
        streamWrite: (line) => secrets().reduce((text, secret) => text.replaceAll(secret, "[redacted]"), line),
      },
    },
    destination,
  );
}

let logger: pino.Logger | undefined;

// One set per process however many bundles hold this module: the embedded database's
// password, generated at run time, joins the secrets from the environment.
const secrets = () => processSingleton("log.secrets", () => new Set<string>());

/** Keeps `secret` out of every line logged from now on. */
export function scrubFromLogs(secret: string): void {
  secrets().add(secret);
}

export function log(): pino.Logger {
  if (!logger) {
    const { LOG_LEVEL, VENICE_API_KEY, DATABASE_URL, BETTER_AUTH_SECRET, s3 } = env();
    for (const secret of [VENICE_API_KEY, BETTER_AUTH_SECRET, DATABASE_URL && new URL(DATABASE_URL).password, s3?.credentials.secretAccessKey]) {
      if (secret) scrubFromLogs(secret);
    }
    logger = createLogger({ level: LOG_LEVEL, secrets: secrets() });
  }
  return logger;
}
