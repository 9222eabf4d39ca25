import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import {
  centsText,
  chargeDisplay,
  exactUsd,
  exceedsRoom,
  formatBalance,
  formatExactUsd,
  formatPerMinute,
  formatPrice,
  formatRate,
  formatUsd,
  roundDownToCent,
  roundUpToCent,
} from "./money";

describe("prices and charges: rounded up to the cent", () => {
  it.each<[number, number]>([
    [0.11500000000000002, 0.12],
    [0.030000000000000002, 0.03],
    [0.1 + 0.2, 0.3],
    [0.0046, 0.01],
    [0.48, 0.48],
    [0.345, 0.35],
    [6.9, 6.9],
    [0, 0],
  ])("%d is shown as $%d", (usd, cents) => {
    expect(roundUpToCent(usd)).toBe(cents);
  });

  it("writes them as the studio shows them", () => {
    expect(formatPrice(0.025)).toBe("$0.03");
    expect(formatPrice(0.0046)).toBe("$0.01");
    expect(formatPrice(27.6)).toBe("$27.60");
  });
});

describe("balances: rounded down to the cent", () => {
  it.each([
    [0.999, 0.99],
    [0.1 + 0.2, 0.3],
    [42.5, 42.5],
    [0.0046, 0],
    [3.0000000000000004, 3],
  ])("%d is shown as $%d, never more than there is", (usd, cents) => {
    expect(roundDownToCent(usd)).toBe(cents);
  });

  it("writes them as the studio shows them", () => {
    expect(formatBalance(0.999)).toBe("$0.99");
    expect(formatBalance(12)).toBe("$12.00");
  });
});

describe("amounts in whole cents (caps)", () => {
  it("are written to the cent, with or without the sign", () => {
    expect(centsText(12.5)).toBe("12.50");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(1_000_000)).toBe("$1000000.00");
  });
});

describe("ledger amounts: exact to the micro-dollar", () => {
  it.each<[number, string]>([
    [0.05, "0.05"],
    [0.00621, "0.00621"],
    [12.3, "12.30"],
    [0.001840, "0.00184"],
    [0, "0.00"],
  ])("%d is written %s", (usd, text) => {
    expect(exactUsd(usd)).toBe(text);
  });

  it("writes a Decimal the same way, and the page adds the sign", () => {
    expect(exactUsd(new Prisma.Decimal("0.001840"))).toBe("0.00184");
    expect(formatExactUsd(0.15621)).toBe("$0.15621");
  });
});

describe("published rates", () => {
  it.each<[number, string]>([
    [0.11500000000000002, "$0.115"],
    [0.002875, "$0.002875"],
    [0.1, "$0.10"],
    [2, "$2.00"],
  ])("%d is written %s", (usd, text) => {
    expect(formatRate(usd)).toBe(text);
  });
});

describe("charges shown to the cent, exact in a tooltip", () => {
  it.each<[number, string, string | undefined]>([
    // The job card's $0.01 for a charge the ledger lists as $0.007935: the tooltip says which.
    [0.007935, "$0.01", "Exactly $0.007935"],
    [1.142935, "$1.15", "Exactly $1.142935"],
    [0.129375, "$0.13", "Exactly $0.129375"],
    [0.03, "$0.03", undefined],
    [0.030000000000000002, "$0.03", undefined],
    [6.9, "$6.90", undefined],
    [0, "$0.00", undefined],
  ])("%d is shown %s, titled %s", (usd, text, title) => {
    expect(chargeDisplay(usd)).toEqual({ text, title });
  });
});

describe("per-second rates per minute", () => {
  it.each<[number, string]>([
    // Seed Audio and Sonilo music: $0.1725 a minute reads as $0.17.
    [0.0028750000000000004, "$0.17"],
    [0.0023000000000000004, "$0.14"],
    [0.0009200000000000001, "$0.06"],
    [0.0020700000000000002, "$0.12"],
    [0.5, "$30.00"],
    // Under a cent a minute, the digits stay.
    [0.00003148, "$0.001889"],
    [0.0001, "$0.006"],
  ])("$%d a second is %s a minute", (usd, text) => {
    expect(formatPerMinute(usd)).toBe(text);
  });
});

describe("a price against a cap's room", () => {
  it.each<[number, number, boolean]>([
    [0.03, 0.02, true],
    [0.03, 0.03, false],
    [0.1 + 0.2, 0.3, false],
    [0.000001, 0, true],
    [0, 0, false],
    [0.345, 0.344999, true],
  ])("$%d over $%d left is %s", (price, room, over) => {
    expect(exceedsRoom(price, room)).toBe(over);
  });
});
