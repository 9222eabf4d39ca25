import { describe, expect, it } from "vitest";
import { isOwnerSetupCode, ownerSetupCode } from "@/lib/auth/setup-code";

const SECRET = "a studio's secret, at least 32 characters long";

describe("ownerSetupCode", () => {
  it("is 4 groups of 4 unambiguous characters, the same for one secret and different for another", () => {
    const code = ownerSetupCode(SECRET);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(ownerSetupCode(SECRET)).toBe(code);
    expect(ownerSetupCode(`${SECRET}!`)).not.toBe(code);
  });
});

describe("isOwnerSetupCode", () => {
  const code = ownerSetupCode(SECRET);

  it("accepts the code however it is typed: case, spaces and dashes aside, O for 0 and I or L for 1", () => {
    const typed = code.toLowerCase().replaceAll("-", " ").replaceAll("0", "o").replaceAll("1", "l");
    for (const variant of [code, code.toLowerCase(), code.replaceAll("-", ""), ` ${typed} `]) expect(isOwnerSetupCode(SECRET, variant), variant).toBe(true);
  });

  it("refuses anything else", () => {
    const oneOff = code.replace(/^./, (first) => (first === "A" ? "B" : "A"));
    for (const wrong of [undefined, null, 42, "", oneOff, code.slice(0, -1), `${code}A`, ownerSetupCode("another secret"), code.repeat(5)]) {
      expect(isOwnerSetupCode(SECRET, wrong), String(wrong)).toBe(false);
    }
  });
});
