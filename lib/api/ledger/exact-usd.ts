// Ledger amounts are written exactly: Venice prices in micro-dollars ($0.00621 for a
// three-second sound effect), so rounding each charge to the cent would make a column's sum
// drift from the charges'. Shared by the CSV export (from Decimal) and the ledger page.

/** "0.05", "0.00621", "12.30": to the micro-dollar, with at least two decimals and no trailing zeros past them. */
export function exactUsd(amount: { toFixed(digits: number): string }): string {
  return amount.toFixed(6).replace(/0{1,4}$/, "");
}
