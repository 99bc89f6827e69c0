/** cosmos sdk.Coins semantics for the core and modules: parse, validate, format, add and compare. */
import { sdkErrors } from "./errors";
import type { Coin } from "./types";

const denomPattern = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;

export function isValidDenom(denom: string): boolean {
  return denomPattern.test(denom);
}

/** "1000uakt,5uact" -> coins (sdk.ParseCoinsNormalized, integers only). */
export function parseCoins(text: string): Coin[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  return normalizeCoins(
    trimmed.split(",").map((part) => {
      const match = /^\s*(\d+)\s*([a-zA-Z][a-zA-Z0-9/:._-]{2,127})\s*$/.exec(part);
      if (!match) throw new Error(`invalid coin "${part}": expected <amount><denom>, e.g. 1000000uakt`);
      return { denom: match[2], amount: BigInt(match[1]).toString() };
    }),
  );
}

/** Sorted by denom, same denoms summed, zeros dropped. */
export function normalizeCoins(coins: readonly Coin[]): Coin[] {
  const sums = new Map<string, bigint>();
  for (const c of coins) sums.set(c.denom, (sums.get(c.denom) ?? 0n) + BigInt(c.amount));
  return [...sums.entries()]
    .filter(([, amount]) => amount !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([denom, amount]) => ({ denom, amount: amount.toString() }));
}

/** sdk.Coins.String(): "100uakt,5uact"; empty coins print as "". */
export function formatCoins(coins: readonly Coin[]): string {
  return coins.map((c) => `${BigInt(c.amount)}${c.denom}`).join(",");
}

/**
 * sdk.Coins.Validate as x/bank applies it to message amounts: sorted, no duplicates, valid denoms,
 * positive amounts. Throws sdk code 10 "invalid coins".
 */
export function validateCoins(coins: readonly Coin[]): void {
  const text = formatCoins(coins);
  if (coins.length === 0) throw sdkErrors.invalidCoins.wrap(text);
  for (let i = 0; i < coins.length; i++) {
    const c = coins[i];
    if (!isValidDenom(c.denom)) throw sdkErrors.invalidCoins.wrap(text);
    if (!/^-?\d+$/.test(c.amount) || BigInt(c.amount) <= 0n) throw sdkErrors.invalidCoins.wrap(text);
    if (i > 0 && coins[i - 1].denom >= c.denom) throw sdkErrors.invalidCoins.wrap(text);
  }
}

export function amountOf(coins: readonly Coin[], denom: string): bigint {
  return coins.filter((c) => c.denom === denom).reduce((sum, c) => sum + BigInt(c.amount), 0n);
}
