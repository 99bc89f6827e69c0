/**
 * Escrow runway, as clients estimate it (research 4.8): settlement is lazy, so the balance left at
 * `height` is Σfunds − Σrate × (height − settled_at); the account runs dry after balance / Σrate blocks.
 */
import { decToNumber, divFloor, formatDec, parseDec } from "../decimal";

export interface DecCoinLike {
  denom: string;
  amount: string;
}

export interface EscrowRunwayInput {
  /** AccountState.funds (may be negative once overdrawn) */
  funds: readonly DecCoinLike[];
  /** AccountState.settled_at */
  settledAt: number;
  /** rates of the account's open payments (lease prices per block) */
  rates: readonly DecCoinLike[];
  /** current height and its time */
  height: number;
  now: Date;
  blockTimeSeconds: number;
  /** settlement denom; default the first funds entry (the create-time denom, uact) */
  denom?: string;
}

export interface EscrowRunway {
  denom: string;
  /** estimated balance left now, decimal string in the denom's base unit */
  balance: string;
  /** Σ rates per block */
  ratePerBlock: string;
  /** whole blocks until the balance is exhausted; undefined if nothing is paying out */
  runwayBlocks?: number;
  runwayHours?: number;
  estimatedCloseHeight?: number;
  estimatedCloseTime?: Date;
}

function sum(coins: readonly DecCoinLike[], denom: string): bigint {
  return coins.filter((c) => c.denom === denom).reduce((acc, c) => acc + parseDec(c.amount), 0n);
}

export function escrowRunway(input: EscrowRunwayInput): EscrowRunway {
  const denom = input.denom ?? input.funds[0]?.denom ?? input.rates[0]?.denom ?? "uact";
  const rate = sum(input.rates, denom);
  const elapsed = BigInt(Math.max(0, input.height - input.settledAt));
  const balance = sum(input.funds, denom) - rate * elapsed;
  const result: EscrowRunway = { denom, balance: formatDec(balance), ratePerBlock: formatDec(rate) };
  if (rate <= 0n) return result;
  const blocks = balance <= 0n ? 0 : Number(divFloor(balance, rate));
  const seconds = blocks * input.blockTimeSeconds;
  return {
    ...result,
    runwayBlocks: blocks,
    runwayHours: seconds / 3600,
    estimatedCloseHeight: input.height + blocks,
    estimatedCloseTime: new Date(input.now.getTime() + seconds * 1000),
  };
}

/** Balance in whole display units (uact -> ACT = USD), for outputs. */
export function toDisplayUnits(amount: string, exponent = 6): number {
  return decToNumber(parseDec(amount)) / 10 ** exponent;
}
