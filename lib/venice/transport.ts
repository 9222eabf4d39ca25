import "server-only";

// How every Venice call goes out and comes back (lib/venice/client.ts makes the calls): the
// key as a Bearer token, a time limit, each answer checked by its zod schema, and every
// failure a VeniceError.
import type { z } from "zod";
import { VeniceError, veniceErrorFromResponse } from "./errors";

export type VeniceTransport = {
  /** e.g. https://api.venice.ai/api/v1, without a trailing slash. */
  baseUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  /** Limit for JSON calls and for the headers of a retrieve. */
  timeoutMs: number;
  /** Longest wait for the next chunk while reading audio. */
  streamIdleTimeoutMs: number;
};

/** Sends a request (GET without a body, else a JSON POST); resolves with a 2xx Response, otherwise throws a VeniceError. */
export async function send(transport: VeniceTransport, path: string, body: unknown, signal: AbortSignal): Promise<Response> {
  const { baseUrl, apiKey, fetch: fetchVenice } = transport;
  let response: Response;
  try {
    response = await fetchVenice(`${baseUrl}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        Authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    throw transportError(path, signal, cause);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    // Venice never echoes the key, but an error message must not be able to carry it.
    throw veniceErrorFromResponse(response.status, response.headers, text.replaceAll(apiKey, "[redacted]"));
  }
  return response;
}

/** A JSON call: the whole exchange within the time limit, the answer parsed by `schema`. */
export async function requestJson<T>(transport: VeniceTransport, path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  const signal = AbortSignal.timeout(transport.timeoutMs);
  const response = await send(transport, path, body, signal);
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw transportError(path, signal, cause);
  }
  return parseBody(path, response.status, text, schema);
}

/** The body of an answer whose headers are in, read within the time limit (`controller` aborts it). */
export async function readTextWithin(transport: VeniceTransport, response: Response, controller: AbortController, path: string): Promise<string> {
  const bodyTimer = setTimeout(() => controller.abort(new DOMException(`Venice ${path} timed out`, "TimeoutError")), transport.timeoutMs);
  try {
    return await response.text();
  } catch (cause) {
    throw transportError(path, controller.signal, cause);
  } finally {
    clearTimeout(bodyTimer);
  }
}

function transportError(path: string, signal: AbortSignal, cause: unknown): VeniceError {
  return signal.aborted
    ? new VeniceError("TIMEOUT", { status: 0, message: `Venice ${path} timed out`, cause })
    : new VeniceError("NETWORK", { status: 0, message: `Could not reach Venice ${path}`, cause });
}

export function parseBody<T>(path: string, status: number, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new VeniceError("INVALID_RESPONSE", { status, message: `Venice ${path} answered with invalid JSON`, cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new VeniceError("INVALID_RESPONSE", {
      status,
      message: `Venice ${path} answer did not match its schema: ${describeIssues(parsed.error)}`,
    });
  }
  return parsed.data;
}

/** The first few schema problems, e.g. "model_spec.pricing: Invalid input". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}
