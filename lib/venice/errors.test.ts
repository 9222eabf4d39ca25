import { describe, expect, it } from "vitest";
import { apiErrorFromVenice } from "@/lib/errors";
import { codeForStatus, parseRetryAfterMs, VeniceError, veniceErrorFromResponse, type VeniceErrorCode } from "./errors";

const json = (body: unknown) => JSON.stringify(body);
const noHeaders = new Headers();

describe("status → code", () => {
  it.each<[number, VeniceErrorCode]>([
    [400, "BAD_REQUEST"],
    [401, "UNAUTHORIZED"],
    [402, "INSUFFICIENT_BALANCE"],
    [403, "FORBIDDEN"],
    [404, "NOT_FOUND"],
    [422, "CONTENT_VIOLATION"],
    [429, "RATE_LIMITED"],
    [500, "SERVER_ERROR"],
    [502, "UNAVAILABLE"],
    [503, "UNAVAILABLE"],
    [504, "UNAVAILABLE"],
    // Statuses Venice does not document fall back by class.
    [405, "BAD_REQUEST"],
    [409, "BAD_REQUEST"],
    [413, "BAD_REQUEST"],
    [501, "SERVER_ERROR"],
    [302, "INVALID_RESPONSE"],
  ])("HTTP %i is %s", (status, code) => {
    expect(codeForStatus(status)).toBe(code);
    const error = veniceErrorFromResponse(status, noHeaders, json({ error: "x" }));
    expect(error).toBeInstanceOf(VeniceError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(apiErrorFromVenice(error).message.length).toBeGreaterThan(10);
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-08-22T12:00:00Z");

  it("reads delay-seconds", () => {
    const error = veniceErrorFromResponse(429, new Headers({ "Retry-After": "12" }), json({ error: "Slow down" }), now);
    expect(error.retryAfterMs).toBe(12_000);
  });

  it("reads an HTTP-date", () => {
    const headers = new Headers({ "Retry-After": "Sat, 22 Aug 2026 12:00:45 GMT" });
    expect(veniceErrorFromResponse(429, headers, "", now).retryAfterMs).toBe(45_000);
  });

  it("defaults to 30 s on a 429 without a usable header", () => {
    expect(veniceErrorFromResponse(429, noHeaders, "", now).retryAfterMs).toBe(30_000);
    expect(veniceErrorFromResponse(429, new Headers({ "Retry-After": "soon" }), "", now).retryAfterMs).toBe(30_000);
  });

  it("never goes negative for a date in the past, and is absent on other errors without the header", () => {
    expect(parseRetryAfterMs("Sat, 22 Aug 2026 11:00:00 GMT", now)).toBe(0);
    expect(veniceErrorFromResponse(500, noHeaders, "", now).retryAfterMs).toBeUndefined();
    expect(veniceErrorFromResponse(503, new Headers({ "Retry-After": "5" }), "", now).retryAfterMs).toBe(5_000);
  });
});

describe("body details", () => {
  it("keeps the field details of a 400 as an object", () => {
    const details = { voice: { _errors: ["Invalid voice"] }, supported_voices: ["Aria", "Roger"] };
    const error = veniceErrorFromResponse(400, noHeaders, json({ error: "Invalid voice", details }));
    expect(error.details).toEqual(details);
    expect(error.message).toContain("Invalid voice");
  });

  it("keeps the field details of a 400 as a string", () => {
    const error = veniceErrorFromResponse(400, noHeaders, json({ error: "Bad", details: "duration_seconds is not supported" }));
    expect(error.details).toBe("duration_seconds is not supported");
  });

  it("keeps the suggested prompt of a 422", () => {
    const error = veniceErrorFromResponse(422, noHeaders, json({ error: "Policy", suggested_prompt: "A stormy cinematic piece" }));
    expect(error.code).toBe("CONTENT_VIOLATION");
    expect(error.suggestedPrompt).toBe("A stormy cinematic piece");
  });

  it("survives a non-JSON body and never shows raw bodies to the creator", () => {
    const raw = "<html>upstream exploded: token sk-secret-123</html>";
    const error = veniceErrorFromResponse(502, noHeaders, raw);
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.details).toBeUndefined();
    expect(apiErrorFromVenice(error).message).not.toContain("sk-secret");
    expect(error.message).not.toContain("sk-secret");
  });

  it("keeps Venice's message out of the creator-facing text", () => {
    const error = veniceErrorFromResponse(400, noHeaders, json({ error: "Request ID is invalid." }));
    expect(error.message).toContain("Request ID is invalid.");
    expect(apiErrorFromVenice(error).message).not.toContain("Request ID");
  });
});

describe("VeniceError across bundles", () => {
  it("is recognised by instanceof when made by another copy of the class (another Next bundle)", async () => {
    const copy = await import(/* @vite-ignore */ `./errors.ts?another-bundle=${Date.now()}`);
    expect(copy.VeniceError).not.toBe(VeniceError);
    const fromAnotherBundle = new copy.VeniceError("RATE_LIMITED", { status: 429 });
    expect(fromAnotherBundle instanceof VeniceError).toBe(true);
    expect(new Error("plain") instanceof VeniceError).toBe(false);
    expect((null as unknown) instanceof VeniceError).toBe(false);
  });
});
