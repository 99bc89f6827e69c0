import type { Coin, Context } from "../../chain/types";
import type { GroupState } from "../deployment/keeper";
import type { EscrowKeeper } from "../escrow/keeper";
import type { AccountId, PaymentId } from "../escrow/types";
import { formatDecFixed, parseDec } from "../market-common/decimal";
import { withDetail } from "../market-common/errors";
import {
  type BidIdRef,
  type GroupIdRef,
  type OrderIdRef,
  bidAccountXid,
  bidIdJson,
  bidKeyPart,
  deploymentString,
  groupKeyPart,
  leasePaymentXid,
  orderIdJson,
  orderKeyPart,
} from "../market-common/ids";
import { IndexedTable } from "../market-common/table";
import { marketErrors } from "./errors";

/**
 * x/market keeper (node x/market/keeper/keeper.go): orders, bids and leases with state and provider indexes,
 * the order sequence rule, and the close cascades with their typed events.
 */
export type OrderState = "open" | "active" | "closed";
export type BidState = "open" | "active" | "lost" | "closed";
export type LeaseState = "active" | "insufficient_funds" | "closed";

/** A DecCoin as the codec gives it: human decimal amount ("100.5"). */
export interface PriceRecord {
  denom: string;
  amount: string;
}

export interface OrderRecord extends OrderIdRef {
  state: OrderState;
  spec: unknown;
  createdAt: string;
}
export interface BidRecord extends BidIdRef {
  state: BidState;
  price: PriceRecord;
  createdAt: string;
  /** ResourceOffer[] in proto-JSON. */
  resourcesOffer: unknown[];
}
export interface LeaseRecord extends BidIdRef {
  state: LeaseState;
  price: PriceRecord;
  createdAt: string;
  closedOn: string;
  /** akash.market.v1.LeaseClosedReason value. */
  reason: number;
}

export const LeaseClosedReason = {
  invalid: 0,
  owner: 1,
  unspecified: 10002,
  insufficientFunds: 20000,
} as const;

const REASON_NAMES: Record<number, string> = {
  0: "lease_closed_invalid",
  1: "lease_closed_owner",
  10000: "lease_closed_reason_unstable",
  10001: "lease_closed_reason_decommission",
  10002: "lease_closed_reason_unspecified",
  10003: "lease_closed_reason_manifest_timeout",
  20000: "lease_closed_reason_insufficient_funds",
};

export function reasonName(reason: number): string {
  return REASON_NAMES[reason] ?? String(reason);
}

export interface MarketParams {
  bidMinDeposit: Coin;
  orderMaxBids: number;
  bidMinDeposits: Coin[];
}

/** Mainnet values since v2.0.0 (node upgrades/software/v2.0.0/upgrade.go). */
export const DEFAULT_MARKET_PARAMS: MarketParams = {
  bidMinDeposit: { denom: "uakt", amount: "500000" },
  orderMaxBids: 20,
  bidMinDeposits: [
    { denom: "uact", amount: "500000" },
    { denom: "uakt", amount: "500000" },
  ],
};

const PARAMS_KEY = "market/params";

export function bidAccountId(id: BidIdRef): AccountId {
  return { scope: "bid", xid: bidAccountXid(id) };
}

export function leasePaymentId(id: BidIdRef): PaymentId {
  return { aid: { scope: "deployment", xid: deploymentString(id) }, xid: leasePaymentXid(id) };
}

export function priceJson(price: PriceRecord) {
  return { denom: price.denom, amount: formatDecFixed(parseDec(price.amount)) };
}

const bidId = (b: BidIdRef): BidIdRef => ({ owner: b.owner, dseq: b.dseq, gseq: b.gseq, oseq: b.oseq, provider: b.provider, bseq: b.bseq });

export class MarketKeeper {
  readonly orders = new IndexedTable<OrderRecord>("market/orders", (o) => o.state);
  readonly bids = new IndexedTable<BidRecord>("market/bids", (b) => b.state, (b) => b.provider);
  readonly leases = new IndexedTable<LeaseRecord>("market/leases", (l) => l.state, (l) => l.provider);

  private escrow(ctx: Context): EscrowKeeper {
    return ctx.keeper<EscrowKeeper>("escrow");
  }

  getParams(ctx: Context): MarketParams {
    return ctx.store.get<MarketParams>(PARAMS_KEY) ?? DEFAULT_MARKET_PARAMS;
  }

  setParams(ctx: Context, params: MarketParams): void {
    ctx.store.set(PARAMS_KEY, params);
  }

  getOrder(ctx: Context, id: OrderIdRef): OrderRecord | undefined {
    return this.orders.get(ctx, orderKeyPart(id));
  }
  getBid(ctx: Context, id: BidIdRef): BidRecord | undefined {
    return this.bids.get(ctx, bidKeyPart(id));
  }
  getLease(ctx: Context, id: BidIdRef): LeaseRecord | undefined {
    return this.leases.get(ctx, bidKeyPart(id));
  }
  saveOrder(ctx: Context, order: OrderRecord): void {
    this.orders.set(ctx, orderKeyPart(order), order);
  }
  saveBid(ctx: Context, bid: BidRecord): void {
    this.bids.set(ctx, bidKeyPart(bid), bid);
  }
  saveLease(ctx: Context, lease: LeaseRecord): void {
    this.leases.set(ctx, bidKeyPart(lease), lease);
  }

  ordersForGroup(ctx: Context, id: GroupIdRef, state: OrderState): OrderRecord[] {
    return this.orders.byPrefix(ctx, `${groupKeyPart(id)}/`).map(([, o]) => o).filter((o) => o.state === state);
  }

  bidsForOrder(ctx: Context, id: OrderIdRef, state: BidState): BidRecord[] {
    return this.bids.byPrefix(ctx, `${orderKeyPart(id)}/`).map(([, b]) => b).filter((b) => b.state === state);
  }

  /** Bids counted against order_max_bids: open, active and closed (lost bids are not counted). */
  bidCountForOrder(ctx: Context, id: OrderIdRef): number {
    return this.bids.byPrefix(ctx, `${orderKeyPart(id)}/`).filter(([, b]) => b.state !== "lost").length;
  }

  /** One open-or-active order per group; oseq = 1 + closed orders of the group. */
  createOrder(ctx: Context, gid: GroupIdRef, spec: unknown): OrderRecord {
    const existing = this.orders.byPrefix(ctx, `${groupKeyPart(gid)}/`).map(([, o]) => o);
    if (existing.some((o) => o.state === "active" || o.state === "open")) {
      throw withDetail(marketErrors.orderActive(), "create order: active order exists");
    }
    const oseq = 1 + existing.filter((o) => o.state === "closed").length;
    const order: OrderRecord = { owner: gid.owner, dseq: gid.dseq, gseq: gid.gseq, oseq, state: "open", spec, createdAt: String(ctx.block.height) };
    if (this.orders.has(ctx, orderKeyPart(order))) throw marketErrors.orderExists();
    this.saveOrder(ctx, order);
    ctx.events.emitTyped("akash.market.v1.EventOrderCreated", { id: orderIdJson(order) });
    return order;
  }

  createBid(ctx: Context, id: BidIdRef, price: PriceRecord, resourcesOffer: unknown[]): BidRecord {
    if (this.bids.has(ctx, bidKeyPart(id))) throw marketErrors.bidExists();
    const bid: BidRecord = { ...bidId(id), state: "open", price, createdAt: String(ctx.block.height), resourcesOffer };
    this.saveBid(ctx, bid);
    ctx.events.emitTyped("akash.market.v1.EventBidCreated", { id: bidIdJson(bid), price: priceJson(price) });
    return bid;
  }

  createLease(ctx: Context, bid: BidRecord): LeaseRecord {
    const lease: LeaseRecord = { ...bidId(bid), state: "active", price: bid.price, createdAt: String(ctx.block.height), closedOn: "0", reason: LeaseClosedReason.invalid };
    this.saveLease(ctx, lease);
    ctx.events.emitTyped("akash.market.v1.EventLeaseCreated", { id: bidIdJson(lease), price: priceJson(lease.price) });
    return lease;
  }

  onOrderMatched(ctx: Context, order: OrderRecord): void {
    this.saveOrder(ctx, { ...order, state: "active" });
  }

  onBidMatched(ctx: Context, bid: BidRecord): void {
    this.saveBid(ctx, { ...bid, state: "active" });
  }

  onBidLost(ctx: Context, bid: BidRecord): void {
    this.saveBid(ctx, { ...bid, state: "lost" });
  }

  /** Closes the bid and its deposit account (refunding the provider); the node ignores the escrow result. */
  onBidClosed(ctx: Context, bid: BidRecord): void {
    if (bid.state === "closed" || bid.state === "lost") return;
    this.saveBid(ctx, { ...bid, state: "closed" });
    ignoreChainError(() => this.escrow(ctx).accountClose(ctx, bidAccountId(bid)));
    ctx.events.emitTyped("akash.market.v1.EventBidClosed", { id: bidIdJson(bid) });
  }

  onOrderClosed(ctx: Context, order: OrderRecord): void {
    if (order.state === "closed") return;
    this.saveOrder(ctx, { ...order, state: "closed" });
    ctx.events.emitTyped("akash.market.v1.EventOrderClosed", { id: orderIdJson(order) });
  }

  onLeaseClosed(ctx: Context, lease: LeaseRecord, state: LeaseState, reason: number): void {
    if (lease.state === "closed" || lease.state === "insufficient_funds") return;
    this.saveLease(ctx, { ...lease, state, closedOn: String(ctx.block.height), reason });
    ctx.events.emitTyped("akash.market.v1.EventLeaseClosed", { id: bidIdJson(lease), reason: reasonName(reason) });
  }

  /** A group closed, paused or out of funds: close its active and open orders, their bids, leases and payments. */
  onGroupClosed(ctx: Context, gid: GroupIdRef, groupState: GroupState): void {
    const starved = groupState === "insufficient_funds";
    const leaseState: LeaseState = starved ? "insufficient_funds" : "closed";
    const reason = starved ? LeaseClosedReason.insufficientFunds : LeaseClosedReason.owner;

    const processClose = (bid: BidRecord) => {
      this.onBidClosed(ctx, bid);
      const lease = this.getLease(ctx, bid);
      if (lease) {
        this.onLeaseClosed(ctx, lease, leaseState, reason);
        // The node logs and ignores a failed payment close here (e.g. the account is already closed).
        ignoreChainError(() => this.escrow(ctx).paymentClose(ctx, leasePaymentId(lease)));
      }
    };
    const closeOrder = (order: OrderRecord) => {
      this.onOrderClosed(ctx, order);
      for (const bid of this.bidsForOrder(ctx, order, "open")) processClose(bid);
      if (order.state === "active") for (const bid of this.bidsForOrder(ctx, order, "active")) processClose(bid);
    };
    for (const order of this.ordersForGroup(ctx, gid, "active")) closeOrder(order);
    for (const order of this.ordersForGroup(ctx, gid, "open")) closeOrder(order);
  }
}

/** Runs `fn`, swallowing chain errors the node discards with `_ =` (state changes made before the error stay). */
export function ignoreChainError(fn: () => void): unknown {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof Error && err.name === "ChainError") return err;
    throw err;
  }
}

