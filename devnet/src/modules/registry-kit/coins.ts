/** cosmos `sdk.Coins` checks and arithmetic on plain {denom, amount} coins. */
import type { Coin } from "../../chain/types";

const denomPattern = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;

/** `Coins.IsValid`: sorted strictly by denom, valid denoms, positive amounts. */
export function coinsValid(coins: Coin[]): boolean {
  return coins.every(
    (c, i) => denomPattern.test(c.denom) && /^\d+$/.test(c.amount) && BigInt(c.amount) > 0n && (i === 0 || coins[i - 1]!.denom < c.denom),
  );
}

/** `Coins.Add` (negative amounts subtract): merged by denom, zero entries dropped, sorted by denom. */
export function addCoins(a: Coin[], b: Coin[]): Coin[] {
  const sums = new Map<string, bigint>();
  for (const c of [...a, ...b]) sums.set(c.denom, (sums.get(c.denom) ?? 0n) + BigInt(c.amount));
  return [...sums]
    .filter(([, amount]) => amount !== 0n)
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([denom, amount]) => ({ denom, amount: amount.toString() }));
}

/** `Coins.SafeSub`: the difference, or undefined when any denom would go negative. */
export function subCoins(a: Coin[], b: Coin[]): Coin[] | undefined {
  const result = addCoins(a, b.map((c) => ({ denom: c.denom, amount: (-BigInt(c.amount)).toString() })));
  return result.some((c) => BigInt(c.amount) < 0n) ? undefined : result;
}
