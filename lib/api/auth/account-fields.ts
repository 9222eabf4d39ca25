import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { ApiError, fieldErrors } from "@/lib/errors";
import { MAX_JSON_BODY_BYTES, readBodyText } from "@/lib/api/input";
import { isNulFree, storableText } from "@/lib/stored-text";

// better-auth buffers whatever body it is sent, stores the name, email and image it is given
// as they come, and looks tokens up as sent (a NUL in one is a 500 from PostgreSQL). Its
// endpoints are reached through boundedAuthRequest(): the body is read within the studio's
// limit and its text fields are checked before better-auth runs.

const MAX_NAME_CHARS = 100;
// RFC 5321: a forward path holds at most 254 characters.
const MAX_EMAIL_CHARS = 254;
const MAX_IMAGE_URL_CHARS = 2048;

// Any other field better-auth judges itself, but for a NUL in text (a token it looks up).
const otherField = z.unknown().refine((value) => typeof value !== "string" || isNulFree(value), {
  error: "Text must not contain a NUL character.",
});

// Each field only when sent: sign-up, sign-in and update-user send different ones.
const accountFieldsSchema = z
  .object({
    name: z.string({ error: "Your name must be text." }).check(...storableText("Your name", MAX_NAME_CHARS)).optional(),
    email: z.string({ error: "The email must be text." }).check(...storableText("The email", MAX_EMAIL_CHARS)).optional(),
    // The studio never sets one; a page that showed a javascript: URL would run it.
    image: z
      .string({ error: "The image must be a URL." })
      .check(...storableText("The image URL", MAX_IMAGE_URL_CHARS))
      .refine(isWebUrl, { error: "The image must be an http:// or https:// URL." })
      .nullish(),
    // An invite link's token (43 characters), claimed with the account.
    inviteToken: z.string({ error: "The invite link is not valid." }).check(...storableText("The invite token", 100)).optional(),
  })
  .catchall(otherField);

function isWebUrl(text: string): boolean {
  return URL.canParse(text) && ["http:", "https:"].includes(new URL(text).protocol);
}

/** `request` for better-auth: its body read within the limit and its account fields checked (ApiError otherwise). */
export async function boundedAuthRequest(request: Request): Promise<Request> {
  if (!request.body) return request;
  const body = await readBodyText(request, MAX_JSON_BODY_BYTES);
  const checked = accountFieldsSchema.safeParse(fieldsOf(body, request.headers.get("content-type") ?? ""));
  if (!checked.success) {
    // better-auth's clients show `message`: the first field's problem says what to fix.
    throw new ApiError("bad_request", checked.error.issues[0]!.message, fieldErrors(checked.error));
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

/** The body's fields, as better-auth will parse them (JSON or a form); {} for anything else. */
function fieldsOf(body: string, contentType: string): unknown {
  if (/^application\/([a-z0-9.+-]*\+)?json/i.test(contentType)) {
    try {
      const parsed: unknown = JSON.parse(body);
      return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
    } catch {
      return {}; // better-auth answers invalid JSON itself
    }
  }
  if (contentType.toLowerCase().includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(body));
  return {};
}

/** An ApiError as better-auth's endpoints answer errors (`{code, message}`, read by its clients), with the studio's `{error, fields?}`. */
export function authErrorResponse(error: ApiError): Response {
  const code = error.code === "payload_too_large" ? "PAYLOAD_TOO_LARGE" : "VALIDATION_ERROR";
  return NextResponse.json(
    { code, message: error.message, error: error.message, ...(error.fields && { fields: error.fields }) },
    { status: error.status },
  );
}
