import { z } from "zod";
import { ApiError, fieldErrors } from "@/lib/api/errors";

// Parsing of everything a route receives. Each helper answers bad input with an ApiError
// (400 with field errors, or 404 for an id that cannot exist), so handlers only see valid data.

/** The request's JSON body, validated by `schema`. */
export async function parseJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new ApiError("bad_request", "The request body must be JSON.");
  }
  return validate(schema, body);
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

function validate<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError("bad_request", "Some fields are invalid.", fieldErrors(result.error));
  return result.data;
}

/** A query-string flag: 1/true/0/false. */
export const queryFlag = z.enum(["1", "true", "0", "false"]).transform((value) => value === "1" || value === "true");
