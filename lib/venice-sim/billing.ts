// The account's balance, in integer micro-dollars so that charges and refunds add up
// exactly. Venice charges (reserves) at queue time and refunds failed generations; seed
// audio is charged its 120 s cap at queue and refunded the unused part when it finishes.

import { fromMicros, toMicros } from "./pricing";

export class Wallet {
  private micros: number;

  constructor(balanceUsd: number) {
    this.micros = toMicros(balanceUsd);
  }

  get usd(): number {
    return fromMicros(this.micros);
  }

  set(usd: number): void {
    this.micros = toMicros(usd);
  }

  /** The balance exactly, as state.ts saves it. */
  get balanceMicros(): number {
    return this.micros;
  }

  restoreMicros(micros: number): void {
    this.micros = micros;
  }

  canAfford(micros: number): boolean {
    return this.micros >= micros;
  }

  charge(micros: number): void {
    this.micros -= micros;
  }

  refund(micros: number): void {
    this.micros += micros;
  }
}
