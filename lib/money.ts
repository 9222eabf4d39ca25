// How the studio rounds and writes US dollars, for the browser and the server alike (so no
// server-only imports here). Venice prices in micro-dollars, and published rates carry binary
// float noise (0.11500000000000002), so every rounding first snaps to a whole micro-dollar.

function micros(usd: number): number {
  return Math.round(usd * 1_000_000);
}

/**
 * Rounded UP to the cent, for what is or will be charged: an estimate never shows less than
 * the charge, and a paid job never shows $0.00 (5 s at $0.00092/s is $0.0046, shown as $0.01).
 */
export function roundUpToCent(usd: number): number {
  return Math.ceil(micros(usd) / 10_000) / 100;
}

/** Rounded DOWN to the cent, for what there is to spend: a $0.999 balance shows as $0.99. */
export function roundDownToCent(usd: number): number {
  return Math.floor(micros(usd) / 10_000) / 100;
}

/** "12.50": an amount already in whole cents, as a cap is typed and stored. */
export function centsText(usd: number): string {
  return usd.toFixed(2);
}

/** "$12.50": an amount already in whole cents (a cap), as the studio shows it. */
export function formatUsd(usd: number): string {
  return `$${centsText(usd)}`;
}

/** "$0.48": a price or a charge, rounded up to the cent (roundUpToCent). */
export function formatPrice(usd: number): string {
  return formatUsd(roundUpToCent(usd));
}

/** "$0.99": a balance, rounded down to the cent (roundDownToCent). */
export function formatBalance(usd: number): string {
  return formatUsd(roundDownToCent(usd));
}

/**
 * "0.05", "0.00621", "12.30": a ledger amount to the micro-dollar, with at least two decimals
 * and no trailing zeros past them. Rounding each charge to the cent would make a column's sum
 * drift from the charges'. Takes a number or a Prisma Decimal (the CSV export).
 */
export function exactUsd(amount: { toFixed(digits: number): string }): string {
  return amount.toFixed(6).replace(/0{1,4}$/, "");
}

/** "$0.00621": a ledger amount as the ledger page shows it (exactUsd). */
export function formatExactUsd(amount: number): string {
  return `$${exactUsd(amount)}`;
}

/** "$0.115", "$0.002875": a published rate without float noise, at least to the cent. */
export function formatRate(usd: number): string {
  const exact = Number(usd.toPrecision(4));
  const decimals = String(exact).split(".")[1]?.length ?? 0;
  return `$${exact.toFixed(Math.max(2, decimals))}`;
}

/**
 * A charge as the studio shows it, to the cent and rounded up (formatPrice), with its exact
 * figure for a tooltip when the cents hide part of it: 0.007935 is "$0.01", "Exactly $0.007935";
 * 0.03 is "$0.03" with no tooltip.
 */
export function chargeDisplay(usd: number): { text: string; title: string | undefined } {
  const text = formatPrice(usd);
  const exact = formatExactUsd(usd);
  return { text, title: exact === text ? undefined : `Exactly ${exact}` };
}

/**
 * "$0.17": a per-second rate as the price of a minute, to the nearest cent, which is how a
 * rate of $0.002875 a second reads; a rate under a cent a minute keeps its digits ("$0.006").
 */
export function formatPerMinute(perSecondUsd: number): string {
  const minute = micros(perSecondUsd * 60);
  return minute < 10_000 ? formatRate(minute / 1_000_000) : formatUsd(Math.round(minute / 10_000) / 100);
}

/**
 * Whether a price crosses the room a monthly cap leaves: more than `roomUsd`, compared to the
 * micro-dollar (the server refuses a charge that would take the spend past the cap, not one
 * that reaches it exactly).
 */
export function exceedsRoom(priceUsd: number, roomUsd: number): boolean {
  return micros(priceUsd) > micros(roomUsd);
}
