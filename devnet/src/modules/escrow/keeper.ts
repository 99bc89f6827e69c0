import type { Coin, Context } from "../../chain/types";
import { fromInt, truncateInt } from "../market-common/decimal";
import { withDetail } from "../market-common/errors";
import { marketErrors } from "../market/errors";
import { escrowErrors } from "./errors";
import { type LoadedPayment, settleFullBlocks } from "./settlement";
import {
  type Account,
  type AccountId,
  type DepositSource,
  type Depositor,
  type EscrowState,
  type Payment,
  type PaymentId,
  type Scope,
  type StoredAccount,
  type StoredPayment,
  accountKeyString,
  loadAccount,
  loadPayment,
  paymentKeyString,
  storeAccount,
  storePayment,
} from "./types";

/**
 * x/escrow keeper (node x/escrow/keeper/keeper.go). Store layout mirrors the node's: accounts and payments are
 * keyed by state then by their Go id string, so list queries page in the node's order and `xid` filters are
 * plain key prefixes.
 */

/** What the authz module offers for deposit grants (cosmos authz with akash.escrow.v1.DepositAuthorization). */
export interface AuthzDepositKeeper {
  depositGrants(ctx: Context, grantee: string): Array<{ granter: string; scopes: string[]; spendLimits: Coin[] }>;
  spendGrant(ctx: Context, granter: string, grantee: string, coin: Coin): void;
  refundGrant(ctx: Context, granter: string, grantee: string, coin: Coin): void;
}

/** Called when an account or payment is saved closed/overdrawn (node x/market/hooks). */
export interface EscrowHooks {
  onEscrowAccountClosed(ctx: Context, account: Account): void;
  onEscrowPaymentClosed(ctx: Context, payment: Payment): void;
}

export interface DepositRequest {
  denom: string;
  amount: bigint;
  sources: DepositSource[];
}

const STATE_DIGIT: Record<EscrowState, string> = { open: "1", closed: "2", overdrawn: "3" };
export const ESCROW_STATES: EscrowState[] = ["open", "closed", "overdrawn"];

export const ACCOUNT_PREFIX = "escrow/acc/";
export const PAYMENT_PREFIX = "escrow/pay/";

export function accountStoreKey(state: EscrowState, id: AccountId): string {
  return `${ACCOUNT_PREFIX}${STATE_DIGIT[state]}/${accountKeyString(id)}`;
}
export function paymentStoreKey(state: EscrowState, id: PaymentId): string {
  return `${PAYMENT_PREFIX}${STATE_DIGIT[state]}/${paymentKeyString(id)}`;
}
export function stateSearchPrefix(base: string, state: EscrowState, xid: string): string {
  return `${base}${STATE_DIGIT[state]}/${xid}`;
}

interface Tracked<T> {
  value: T;
  prevState: EscrowState;
  dirty: boolean;
}

export class EscrowKeeper {
  private hooks(ctx: Context): EscrowHooks {
    return ctx.keeper<{ hooks: EscrowHooks }>("market").hooks;
  }

  private escrowAddress(ctx: Context): string {
    return ctx.bank.moduleAddress("escrow");
  }

  private findAccount(ctx: Context, id: AccountId): Tracked<Account> | undefined {
    for (const state of ESCROW_STATES) {
      const stored = ctx.store.get<StoredAccount>(accountStoreKey(state, id));
      if (stored) return { value: loadAccount(id, stored), prevState: stored.state, dirty: false };
    }
    return undefined;
  }

  private findPayment(ctx: Context, id: PaymentId): Tracked<Payment> | undefined {
    for (const state of ESCROW_STATES) {
      const stored = ctx.store.get<StoredPayment>(paymentStoreKey(state, id));
      if (stored) return { value: loadPayment(id, stored), prevState: stored.state, dirty: false };
    }
    return undefined;
  }

  getAccount(ctx: Context, id: AccountId): Account | undefined {
    return this.findAccount(ctx, id)?.value;
  }

  getPayment(ctx: Context, id: PaymentId): Payment | undefined {
    return this.findPayment(ctx, id)?.value;
  }

  /** Payments of an account in the given states, in store order (state by state). */
  private accountPayments(ctx: Context, aid: AccountId, states: EscrowState[]): LoadedPayment[] {
    const out: LoadedPayment[] = [];
    for (const state of states) {
      // The node's prefix has no trailing separator (so owner/1 would also match owner/10); we keep the
      // separator so one deployment's leases never draw on another deployment's account.
      const prefix = `${PAYMENT_PREFIX}${STATE_DIGIT[state]}/${accountKeyString(aid)}/`;
      for (const [key, stored] of ctx.store.entries<StoredPayment>(prefix)) {
        const xid = key.slice(prefix.length);
        out.push({ payment: loadPayment({ aid, xid }, stored), prevState: stored.state });
      }
    }
    return out;
  }

  /**
   * AuthorizeDeposits: the signer's sources in order — spendable balance, then deposit grants given to the
   * signer — until the amount is covered; otherwise market ErrInvalidDeposit "insufficient balance".
   */
  authorizeDeposits(ctx: Context, signer: string, deposit: DepositRequest, scope: Scope): Depositor[] {
    const depositors: Depositor[] = [];
    const height = BigInt(ctx.block.height);
    let remainder = deposit.amount;
    for (const source of deposit.sources) {
      if (source === "balance") {
        const spendable = ctx.bank.balance(signer, deposit.denom);
        if (spendable > 0n) {
          const take = spendable < remainder ? spendable : remainder;
          depositors.push({ owner: signer, height, source: "balance", balance: { denom: deposit.denom, amount: fromInt(take) } });
          remainder -= take;
        }
      } else if (source === "grant") {
        remainder = this.takeFromGrants(ctx, signer, deposit.denom, remainder, scope, depositors);
      }
      if (remainder === 0n) break;
    }
    if (remainder !== 0n) {
      throw remainder < 0n ? withDetail(marketErrors.invalidDeposit(), "deposit overflow") : withDetail(marketErrors.invalidDeposit(), "insufficient balance");
    }
    return depositors;
  }

  private takeFromGrants(ctx: Context, grantee: string, denom: string, remainder: bigint, scope: Scope, out: Depositor[]): bigint {
    const authz = ctx.keeper<AuthzDepositKeeper>("authz");
    for (const grant of authz.depositGrants(ctx, grantee)) {
      if (!grant.scopes.includes(scope)) continue;
      const limit = grant.spendLimits.find((c) => c.denom === denom);
      if (!limit || BigInt(limit.amount) === 0n) continue;
      const take = BigInt(limit.amount) < remainder ? BigInt(limit.amount) : remainder;
      authz.spendGrant(ctx, grant.granter, grantee, { denom, amount: take.toString() });
      out.push({ owner: grant.granter, height: BigInt(ctx.block.height), source: "grant", balance: { denom, amount: fromInt(take) } });
      remainder -= take;
      if (remainder === 0n) break;
    }
    return remainder;
  }

  accountCreate(ctx: Context, id: AccountId, owner: string, deposits: Depositor[]): void {
    if (this.findAccount(ctx, id)) throw escrowErrors.accountExists();
    const acc: Account = { id, owner, state: "open", transferred: [], settledAt: BigInt(ctx.block.height), funds: [], deposits: [] };
    this.fetchDeposits(ctx, acc, deposits);
    ctx.store.set(accountStoreKey("open", id), storeAccount(acc));
  }

  /** Moves the depositors' coins into the escrow module account and records them on the account. */
  private fetchDeposits(ctx: Context, acc: Account, deposits: Depositor[]): void {
    for (const d of deposits) {
      let funds = acc.funds.find((f) => f.denom === d.balance.denom);
      if (!funds) {
        funds = { denom: d.balance.denom, amount: 0n };
        acc.funds.push(funds);
      }
      if (!acc.transferred.some((t) => t.denom === d.balance.denom)) acc.transferred.push({ denom: d.balance.denom, amount: 0n });
      // A negative balance (debt of an overdrawn account) restarts from zero; settlement recomputes the debt.
      if (funds.amount < 0n) funds.amount = 0n;
      ctx.bank.send(d.owner, this.escrowAddress(ctx), [{ denom: d.balance.denom, amount: truncateInt(d.balance.amount).toString() }]);
      funds.amount += d.balance.amount;
    }
    acc.deposits.push(...deposits.map((d) => ({ ...d, balance: { ...d.balance } })));
  }

  accountDeposit(ctx: Context, id: AccountId, deposits: Depositor[]): void {
    const tracked = this.findAccount(ctx, id);
    if (!tracked) throw escrowErrors.accountNotFound();
    const acc = tracked.value;
    if (acc.state === "closed") throw escrowErrors.accountClosed();
    this.fetchDeposits(ctx, acc, deposits);
    tracked.dirty = deposits.length > 0;

    if (acc.state === "overdrawn") {
      // The deposit pays the debt; the account is then closed, it cannot be revived.
      const { payments, overdrawn } = this.settle(ctx, tracked);
      for (const p of payments) this.closeAndWithdraw(ctx, p);
      if (!overdrawn) acc.state = "closed";
      this.save(ctx, tracked, payments);
    } else if (tracked.dirty) {
      this.saveAccount(ctx, tracked);
    }
  }

  accountSettle(ctx: Context, id: AccountId): boolean {
    const tracked = this.findAccount(ctx, id);
    if (!tracked) throw escrowErrors.accountNotFound();
    const { payments, overdrawn } = this.settle(ctx, tracked);
    this.save(ctx, tracked, payments);
    return overdrawn;
  }

  accountClose(ctx: Context, id: AccountId): void {
    const tracked = this.findAccount(ctx, id);
    if (!tracked) throw escrowErrors.accountNotFound();
    if (tracked.value.state === "closed") throw escrowErrors.accountClosed();
    const { payments } = this.settle(ctx, tracked);
    tracked.dirty = true;
    if (tracked.value.state === "open") tracked.value.state = "closed";
    for (const p of payments) this.closeAndWithdraw(ctx, p);
    this.save(ctx, tracked, payments);
  }

  paymentCreate(ctx: Context, id: PaymentId, owner: string, rate: { denom: string; amount: bigint }): void {
    const tracked = this.findAccount(ctx, id.aid);
    if (!tracked) throw escrowErrors.accountNotFound();
    const { overdrawn } = this.settle(ctx, tracked);
    if (overdrawn) throw escrowErrors.accountOverdrawn();
    if (!tracked.value.funds.some((f) => f.denom === rate.denom)) throw escrowErrors.invalidDenomination();
    if (rate.amount === 0n) throw escrowErrors.paymentRateZero();
    if (this.findPayment(ctx, id)) throw escrowErrors.paymentExists();
    if (tracked.dirty) this.saveAccount(ctx, tracked);
    const payment: Payment = {
      id,
      owner,
      state: "open",
      rate: { denom: rate.denom, amount: rate.amount },
      balance: { denom: rate.denom, amount: 0n },
      unsettled: { denom: rate.denom, amount: 0n },
      withdrawn: { denom: rate.denom, amount: 0n },
    };
    ctx.store.set(paymentStoreKey("open", id), storePayment(payment));
  }

  paymentWithdraw(ctx: Context, id: PaymentId): void {
    const tracked = this.findAccount(ctx, id.aid);
    if (!tracked) throw escrowErrors.accountNotFound();
    const stored = this.findPayment(ctx, id);
    if (!stored) throw escrowErrors.paymentNotFound();
    if (stored.value.state !== "open") throw escrowErrors.paymentClosed();
    const { payments, overdrawn } = this.settle(ctx, tracked);
    if (!overdrawn) {
      const key = paymentKeyString(id);
      const mine = payments.find((p) => paymentKeyString(p.value.id) === key);
      if (!mine) throw new Error(`couldn't find payment ${key}`);
      this.withdraw(ctx, mine);
    }
    this.save(ctx, tracked, payments);
  }

  paymentClose(ctx: Context, id: PaymentId): void {
    const tracked = this.findAccount(ctx, id.aid);
    if (!tracked) throw escrowErrors.accountNotFound();
    const stored = this.findPayment(ctx, id);
    if (!stored) throw escrowErrors.paymentNotFound();
    if (stored.value.state === "closed") throw escrowErrors.paymentClosed();
    const { payments } = this.settle(ctx, tracked);
    tracked.dirty = true;
    const key = paymentKeyString(id);
    for (const p of payments) {
      p.dirty = true;
      if (paymentKeyString(p.value.id) === key) this.closeAndWithdraw(ctx, p);
    }
    this.save(ctx, tracked, payments);
  }

  /** accountSettle: charges open payments for the blocks since settled_at; overdraw marks everything overdrawn. */
  private settle(ctx: Context, tracked: Tracked<Account>): { payments: Array<Tracked<Payment>>; overdrawn: boolean } {
    const acc = tracked.value;
    if (acc.state === "closed") throw escrowErrors.accountClosed();
    if (acc.funds.length > 0 && acc.funds[0].amount < 0n) return { payments: [], overdrawn: true };

    let delta = 0n;
    if (acc.state !== "overdrawn") {
      delta = BigInt(ctx.block.height) - acc.settledAt;
      acc.settledAt = BigInt(ctx.block.height);
    }
    tracked.dirty = true;
    const loaded = this.accountPayments(ctx, acc.id, delta !== 0n ? ["overdrawn", "open"] : ["overdrawn"]);
    if (loaded.length === 0) return { payments: [], overdrawn: false };

    const overdrawn = settleFullBlocks(acc, loaded, delta);
    const payments = loaded.map((l) => ({ value: l.payment, prevState: l.prevState, dirty: true }));
    // The node's AKT fallback only applies while BME mints are halted, which the devnet never does.
    if (!overdrawn) return { payments, overdrawn: false };

    acc.state = "overdrawn";
    for (const p of payments) {
      p.value.state = "overdrawn";
      this.withdraw(ctx, p);
    }
    return { payments, overdrawn: true };
  }

  private closeAndWithdraw(ctx: Context, p: Tracked<Payment>): void {
    p.dirty = true;
    if (p.value.state === "open") p.value.state = "closed";
    this.withdraw(ctx, p);
  }

  /** paymentWithdraw: pays the whole units of the payment balance to the provider. */
  private withdraw(ctx: Context, p: Tracked<Payment>): void {
    const earnings = truncateInt(p.value.balance.amount);
    if (earnings === 0n) return;
    ctx.bank.send(this.escrowAddress(ctx), p.value.owner, [{ denom: p.value.balance.denom, amount: earnings.toString() }]);
    p.value.withdrawn.amount += earnings;
    p.value.balance.amount -= fromInt(earnings);
    p.dirty = true;
  }

  private save(ctx: Context, acc: Tracked<Account>, payments: Array<Tracked<Payment>>): void {
    if (acc.dirty) this.saveAccount(ctx, acc);
    for (const p of payments) if (p.dirty) this.savePayment(ctx, p);
  }

  /** Saving a closed/overdrawn account refunds every depositor's remaining balance, then fires the hook. */
  private saveAccount(ctx: Context, tracked: Tracked<Account>): void {
    const acc = tracked.value;
    if (acc.state !== tracked.prevState) ctx.store.delete(accountStoreKey(tracked.prevState, acc.id));
    const finished = acc.state === "closed" || acc.state === "overdrawn";
    if (finished) {
      for (const d of acc.deposits) {
        if (d.balance.amount <= 0n) continue;
        const refund = { denom: d.balance.denom, amount: truncateInt(d.balance.amount).toString() };
        ctx.bank.send(this.escrowAddress(ctx), d.owner, [refund]);
        if (d.source === "grant") ctx.keeper<AuthzDepositKeeper>("authz").refundGrant(ctx, d.owner, acc.owner, refund);
        const funds = acc.funds.find((f) => f.denom === d.balance.denom);
        if (funds) funds.amount -= d.balance.amount;
      }
      acc.deposits = [];
    }
    ctx.store.set(accountStoreKey(acc.state, acc.id), storeAccount(acc));
    tracked.prevState = acc.state;
    if (finished) this.hooks(ctx).onEscrowAccountClosed(ctx, acc);
  }

  private savePayment(ctx: Context, tracked: Tracked<Payment>): void {
    const p = tracked.value;
    if (p.state !== tracked.prevState) ctx.store.delete(paymentStoreKey(tracked.prevState, p.id));
    ctx.store.set(paymentStoreKey(p.state, p.id), storePayment(p));
    tracked.prevState = p.state;
    if (p.state === "closed" || p.state === "overdrawn") this.hooks(ctx).onEscrowPaymentClosed(ctx, p);
  }
}
