import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors } from "./errors";

describe("fieldErrors", () => {
  it("groups messages by field path, and names form-wide ones `_`", () => {
    const result = z.object({ a: z.string(), b: z.object({ c: z.number() }) }).refine(() => false, "never").safeParse({ a: 1, b: { c: "x" } });
    expect(fieldErrors(result.error!)).toEqual({ a: [expect.any(String)], "b.c": [expect.any(String)] });
    const formWide = z.string().refine(() => false, "never").safeParse("x");
    expect(fieldErrors(formWide.error!)).toEqual({ _: ["never"] });
  });

  it("keeps fields named like Object.prototype's members as plain entries", () => {
    const issues = ["__proto__", "constructor", "__proto__"].map((key) => ({ code: "custom" as const, path: [key], message: `bad ${key}`, input: null }));
    const fields = fieldErrors({ issues });
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(fields))).toEqual(JSON.parse('{"__proto__":["bad __proto__","bad __proto__"],"constructor":["bad constructor"]}'));
  });
});
