import { truncateDec } from "../market-common/decimal";
import type { Account, Dec, EscrowState, Payment } from "./types";

/**
 * The pure arithmetic of x/escrow settlement (node x/escrow/keeper/keeper.go `deductFromBalance` and
 * `accountSettleFullBlocks`), mutating the account and payments in place exactly as the Go code does.
 */

/** A payment loaded for settlement, remembering the state it was stored under. */
export interface LoadedPayment {
  payment: Payment;
  prevState: EscrowState;
}

function entry(list: Dec[], denom: string): Dec | undefined {
  let found: Dec | undefined;
  // Go keeps the last match; denoms are unique in practice.
  for (const d of list) if (d.denom === denom) found = d;
  return found;
}

/**
 * Takes `amount` from the depositors in FIFO order; returns what was actually taken and whether the account ran
 * short (then the shortfall is also subtracted from funds, which go negative).
 */
export function deductFromBalance(acc: Account, amount: Dec): { settled: bigint; overdrawn: boolean } {
  const funds = entry(acc.funds, amount.denom);
  const transferred = entry(acc.transferred, amount.denom);
  if (!funds || !transferred) throw new Error(`unknown denom "${amount.denom}"`);

  let remaining = amount.amount;
  let withdrew = 0n;
  for (const d of acc.deposits) {
    if (d.balance.denom !== amount.denom) continue;
    const take = d.balance.amount < remaining ? d.balance.amount : remaining;
    d.balance.amount -= take;
    remaining -= take;
    withdrew += take;
    transferred.amount += take;
    if (remaining === 0n) break;
  }
  acc.deposits = acc.deposits.filter((d) => d.balance.amount !== 0n);

  funds.amount -= withdrew;
  if (remaining === 0n) return { settled: withdrew, overdrawn: false };
  funds.amount -= remaining;
  return { settled: withdrew, overdrawn: true };
}

/**
 * Charges every payment for `heightDelta` blocks (rate × blocks, truncated to an integer), or its carried
 * `unsettled` debt if it was already overdrawn; returns true if any payment could not be paid in full.
 */
export function settleFullBlocks(acc: Account, payments: LoadedPayment[], heightDelta: bigint): boolean {
  const transfers: Dec[] = payments.map(({ payment: p, prevState }) => {
    if (prevState === "overdrawn") {
      const debt = { denom: p.unsettled.denom, amount: p.unsettled.amount };
      p.unsettled.amount = 0n;
      return debt;
    }
    return { denom: p.rate.denom, amount: truncateDec(p.rate.amount * heightDelta) };
  });

  let overdrawn = false;
  payments.forEach(({ payment: p }, idx) => {
    const transfer = transfers[idx];
    const { settled, overdrawn: od } = deductFromBalance(acc, transfer);
    const unpaid = transfer.amount - settled;
    if (settled > 0n) p.balance.amount += settled;
    if (od) {
      overdrawn = true;
      p.state = "overdrawn";
      p.unsettled.amount += unpaid;
    } else {
      p.state = "open";
    }
  });
  return overdrawn;
}
