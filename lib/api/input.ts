import { z } from "zod";
import { ApiError, fieldErrors } from "@/lib/errors";
import { storableText } from "@/lib/stored-text";

// Parsing of everything a route receives. Each helper answers bad input with an ApiError
// (400 with field errors, 404 for an id that cannot exist, 413 for a body over its limit),
// so handlers only see valid data.

/** What a JSON route reads at most: its bodies are a few settings, far below this. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
/** How deep a JSON body may nest: the studio's are two or three levels; code that walks one may recurse. */
export const MAX_JSON_DEPTH = 32;

/**
 * The request's body as text, refused (413) once it passes `maxBytes`: at once by its declared
 * Content-Length, else while it streams in, so an endless or chunked body is never buffered.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  if (Number(request.headers.get("content-length")) > maxBytes) throw bodyTooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  // As request.text() decodes: UTF-8, a leading byte order mark dropped.
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      // Stops the upload: nothing more is pulled from the client.
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(maxBytes);
    }
    text += decoder.decode(read.value, { stream: true });
  }
  return text + decoder.decode();
}

function bodyTooLarge(maxBytes: number): ApiError {
  return new ApiError("payload_too_large", `The request body can be at most ${Math.floor(maxBytes / 1024)} KB.`);
}

/** The request's JSON body (at most `maxBytes`, nested at most MAX_JSON_DEPTH), validated by `schema`. */
export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<z.output<Schema>> {
  const text = await readBodyText(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "The request body must be JSON.");
  }
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
    throw new ApiError("bad_request", `The request body can nest at most ${MAX_JSON_DEPTH} levels deep.`);
  }
  return validate(schema, body);
}

/** Whether a parsed JSON value nests arrays and objects more than `maxDepth` deep; walked without recursion. */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== "object") continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

/** The URL's query string (last value of a repeated name wins), validated by `schema`. */
export function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  return validate(schema, Object.fromEntries(new URL(request.url).searchParams));
}

/** A path id; anything that is not a UUID names nothing, so it is a 404 like an unknown one. */
export function parseId(value: string, notFoundMessage: string): string {
  const result = z.guid().safeParse(value);
  if (!result.success) throw new ApiError("not_found", notFoundMessage);
  return result.data;
}

/** An account's path id: better-auth's are not UUIDs, but one the database could not hold names nothing either (404). */
export function parseAccountId(value: string, notFoundMessage: string): string {
  const result = z.string().check(...storableText("The id", 200)).safeParse(value);
  if (!result.success) throw new ApiError("not_found", notFoundMessage);
  return result.data;
}

function validate<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError("bad_request", "Some fields are invalid.", fieldErrors(result.error));
  return result.data;
}

/** A query-string flag: 1/true/0/false. */
export const queryFlag = z.enum(["1", "true", "0", "false"]).transform((value) => value === "1" || value === "true");
