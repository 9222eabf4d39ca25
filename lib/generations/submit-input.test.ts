import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { parseIdempotencyKey, validateTakes } from "./submit-input";

// The rules every submit's takes and Idempotency-Key meet, whether it came through the route
// (POST /api/generations, /api/quote) or straight to submitGeneration.

const refusal = (check: () => unknown): ApiError => {
  try {
    check();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("validateTakes", () => {
  it("takes 1 to 4", () => {
    for (const takes of [1, 2, 3, 4]) expect(() => validateTakes(takes)).not.toThrow();
  });

  it.each([0, 5, 2.5, -1])("refuses %d with a field error on takes", (takes) => {
    const error = refusal(() => validateTakes(takes));
    expect(error).toMatchObject({ status: 400, message: "Some fields are invalid." });
    expect(new Set(error.fields?.takes)).toEqual(new Set(["Choose between 1 and 4 takes."]));
  });
});

describe("parseIdempotencyKey", () => {
  it("answers the key, trimmed", () => {
    expect(parseIdempotencyKey("3f0c2b9e-8d41-4c6a-9f7e-2a5b1c0d9e8f")).toBe("3f0c2b9e-8d41-4c6a-9f7e-2a5b1c0d9e8f");
    expect(parseIdempotencyKey(" key-1 ")).toBe("key-1");
    expect(parseIdempotencyKey("k".repeat(200))).toHaveLength(200);
  });

  it.each([
    ["missing", null, /Idempotency-Key header is required/],
    ["blank", "   ", /Idempotency-Key header is required/],
    ["with a space", "two words", /visible ASCII/],
    ["not ASCII", "clé", /visible ASCII/],
    ["too long", "k".repeat(201), /of 1 to 200 characters/],
  ])("refuses a key %s with a 400", (_label, key, message) => {
    const error = refusal(() => parseIdempotencyKey(key));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });
});
