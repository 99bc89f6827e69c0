/**
 * Escrow accounts and payments as the keeper works on them (bigint LegacyDec atomics), and their plain-JSON
 * stored form. Field meanings follow akash.escrow.types.v1 AccountState / PaymentState.
 */
export type EscrowState = "open" | "closed" | "overdrawn";
export type Scope = "deployment" | "bid";
export type DepositSource = "balance" | "grant";

/** A DecCoin / escrow Balance: `amount` in atomics (value × 10^18), may be negative for funds. */
export interface Dec {
  denom: string;
  amount: bigint;
}

export interface Depositor {
  owner: string;
  height: bigint;
  source: DepositSource;
  balance: Dec;
}

export interface AccountId {
  scope: Scope;
  xid: string;
}

export interface PaymentId {
  aid: AccountId;
  xid: string;
}

export interface Account {
  id: AccountId;
  owner: string;
  state: EscrowState;
  transferred: Dec[];
  settledAt: bigint;
  funds: Dec[];
  deposits: Depositor[];
}

export interface Payment {
  id: PaymentId;
  owner: string;
  state: EscrowState;
  rate: Dec;
  balance: Dec;
  unsettled: Dec;
  /** Integer coins paid out to the provider so far. */
  withdrawn: { denom: string; amount: bigint };
}

export function accountKeyString(id: AccountId): string {
  return `${id.scope}/${id.xid}`;
}

export function paymentKeyString(id: PaymentId): string {
  return `${accountKeyString(id.aid)}/${id.xid}`;
}

interface StoredDec {
  denom: string;
  amount: string;
}
export interface StoredAccount {
  owner: string;
  state: EscrowState;
  transferred: StoredDec[];
  settledAt: string;
  funds: StoredDec[];
  deposits: Array<{ owner: string; height: string; source: DepositSource; balance: StoredDec }>;
}
export interface StoredPayment {
  owner: string;
  state: EscrowState;
  rate: StoredDec;
  balance: StoredDec;
  unsettled: StoredDec;
  withdrawn: StoredDec;
}

const decOut = (d: { denom: string; amount: bigint }): StoredDec => ({ denom: d.denom, amount: d.amount.toString() });
const decIn = (d: StoredDec): Dec => ({ denom: d.denom, amount: BigInt(d.amount) });

export function storeAccount(acc: Account): StoredAccount {
  return {
    owner: acc.owner,
    state: acc.state,
    transferred: acc.transferred.map(decOut),
    settledAt: acc.settledAt.toString(),
    funds: acc.funds.map(decOut),
    deposits: acc.deposits.map((d) => ({ owner: d.owner, height: d.height.toString(), source: d.source, balance: decOut(d.balance) })),
  };
}

export function loadAccount(id: AccountId, s: StoredAccount): Account {
  return {
    id,
    owner: s.owner,
    state: s.state,
    transferred: s.transferred.map(decIn),
    settledAt: BigInt(s.settledAt),
    funds: s.funds.map(decIn),
    deposits: s.deposits.map((d) => ({ owner: d.owner, height: BigInt(d.height), source: d.source, balance: decIn(d.balance) })),
  };
}

export function storePayment(p: Payment): StoredPayment {
  return {
    owner: p.owner,
    state: p.state,
    rate: decOut(p.rate),
    balance: decOut(p.balance),
    unsettled: decOut(p.unsettled),
    withdrawn: decOut(p.withdrawn),
  };
}

export function loadPayment(id: PaymentId, s: StoredPayment): Payment {
  return {
    id,
    owner: s.owner,
    state: s.state,
    rate: decIn(s.rate),
    balance: decIn(s.balance),
    unsettled: decIn(s.unsettled),
    withdrawn: decIn(s.withdrawn),
  };
}
