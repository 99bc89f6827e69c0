/**
 * The provider's bid engine (provider bidengine/): every open order it has not handled yet is checked
 * (placement, signedBy, capabilities, capacity, price); matching ones get a bid with the configured
 * deposit and resources reserved; bids nobody accepts are withdrawn after the bid timeout; a bid whose
 * order went to another provider is withdrawn too (the chain only marks one loser lost) and its
 * reservation freed.
 */
import type * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { Attribute } from "./attributes";
import { decideBid } from "./bid-decision";
import type { ChainClient } from "./chain";
import type { ProviderConfig } from "./index";
import type { Inventory } from "./inventory";
import { closeBidMsg, createBidMsg, orderKey, parseOrderKey, REASON_UNSPECIFIED } from "./messages";
import { orderSpecFromGroupSpec, type OrderSpec } from "./order-spec";

/** provider config.go: BidDeposit defaults to mtypes.DefaultBidMinDeposit, whatever the order's denom. */
export const DEFAULT_BID_DEPOSIT = { denom: "uakt", amount: "500000" };

export interface EngineFaults {
  noBids: boolean;
  slowBidsMs: number;
  offline: boolean;
}

/** A stable pseudo-random number in [0, 1) per string: flaky behaviour that tests can still reason about. */
export function stableRandom(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

export class BidEngine {
  /** open bids on chain, by order key */
  private readonly bids = new Map<string, { createdAtMs: number; closing: boolean }>();
  private readonly inFlight = new Set<string>();
  /** orders decided against (or failed), kept while they stay open so they are not retried */
  private readonly declined = new Map<string, string>();

  constructor(
    private readonly chain: Pick<ChainClient, "address" | "openOrders" | "bids" | "auditorAttributes" | "txs">,
    private readonly config: ProviderConfig,
    private readonly attributes: readonly Attribute[],
    private readonly inventory: Inventory,
    private readonly bidTimeoutMs: number,
    private readonly faults: EngineFaults,
    private readonly log: (line: string) => void,
  ) {}

  /** Orders being bid on or with an open bid (the provider status' bidengine.orders). */
  get orders(): number {
    return this.bids.size + this.inFlight.size;
  }

  /** The bid turned into our lease: the reservation now belongs to the lease. */
  leaseWon(key: string): void {
    this.bids.delete(key);
  }

  /** One pass over the open orders; `leases` are the order keys we hold leases for. */
  async scan(leases: ReadonlySet<string>): Promise<void> {
    const orders = await this.chain.openOrders();
    const open = new Set<string>();
    const candidates: Array<{ key: string; order: v1beta5.Order; spec: OrderSpec }> = [];
    for (const order of orders) {
      const key = orderKey(order.id!);
      open.add(key);
      if (this.bids.has(key) || this.inFlight.has(key) || this.declined.has(key) || leases.has(key)) continue;
      if (order.id!.owner === this.chain.address || !order.spec || this.faults.noBids) continue;
      if (this.config.flaky && stableRandom(key) < 0.3) {
        this.declined.set(key, "flaky provider skipped the order");
        continue;
      }
      candidates.push({ key, order, spec: orderSpecFromGroupSpec(order.spec) });
    }
    const auditorAttributes = await this.auditorAttributes(candidates.flatMap((c) => [...c.spec.signedBy.allOf, ...c.spec.signedBy.anyOf]));
    for (const { key, order, spec } of candidates) {
      const decision = decideBid(spec, { attributes: this.attributes, auditorAttributes, pricing: this.config.pricing, inventory: this.inventory });
      if (!decision.bid) {
        this.declined.set(key, decision.reason);
        this.log(`not bidding on ${key}: ${decision.reason}`);
        continue;
      }
      this.inventory.hold(key, decision.allocation);
      this.inFlight.add(key);
      void this.placeBid(key, order, decision.price);
    }
    const gone = [...this.bids.keys()].filter((key) => !open.has(key) && !leases.has(key));
    if (gone.length > 0) await this.orderGone(gone);
    for (const key of this.declined.keys()) if (!open.has(key)) this.declined.delete(key);
  }

  /**
   * Bids whose order is no longer open without a lease for us: the lease went to another provider or
   * the order closed. Like the real order loop on a lost lease, withdraw the bid (MsgCloseBid) so its
   * deposit comes back; only bids still open on chain, which also spares a winning bid whose lease this
   * tick has not seen yet.
   */
  private async orderGone(keys: string[]): Promise<void> {
    const open = new Set((await this.chain.bids({ provider: this.chain.address, state: "open" })).map((b) => orderKey(b.id!)));
    for (const key of keys) {
      const bid = this.bids.get(key);
      if (!bid) continue; // a bid timeout closed it meanwhile
      this.bids.delete(key);
      this.inventory.release(key);
      if (bid.closing || !open.has(key)) continue;
      this.chain.txs
        .submit(closeBidMsg(parseOrderKey(key), this.chain.address, REASON_UNSPECIFIED))
        .then(() => this.log(`lease lost, closed bid on ${key}`))
        .catch((e) => this.log(`closing bid on ${key} failed: ${(e as Error).message}`));
    }
  }

  /** Withdraws (MsgCloseBid) bids nobody accepted within the bid timeout, as the real bid engine does. */
  expire(leases: ReadonlySet<string>): void {
    if (this.bidTimeoutMs <= 0) return; // a zero timeout disables it, as in the real bid engine
    const now = Date.now();
    for (const [key, bid] of this.bids) {
      if (bid.closing || now - bid.createdAtMs < this.bidTimeoutMs) continue;
      bid.closing = true;
      this.chain.txs
        .submit(closeBidMsg(parseOrderKey(key), this.chain.address, REASON_UNSPECIFIED))
        .then(() => this.log(`bid timeout, closed bid on ${key}`))
        .catch((e) => this.log(`closing bid on ${key} failed: ${(e as Error).message}`))
        .finally(() => {
          if (!leases.has(key)) {
            this.bids.delete(key);
            this.inventory.release(key);
          }
        });
    }
  }

  private async auditorAttributes(auditors: string[]): Promise<Map<string, Attribute[]>> {
    const map = new Map<string, Attribute[]>();
    for (const auditor of new Set(auditors)) {
      const signed = await this.chain.auditorAttributes(auditor, this.chain.address);
      if (signed.length > 0) map.set(auditor, signed);
    }
    return map;
  }

  private async placeBid(key: string, order: v1beta5.Order, price: { denom: string; amount: string }): Promise<void> {
    const delay = this.faults.slowBidsMs + (this.config.flaky ? Math.floor(stableRandom(`${key}/delay`) * 2000) : 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    try {
      if (this.faults.offline) throw new Error("provider offline");
      await this.chain.txs.submit(createBidMsg(order, this.chain.address, price, this.config.bidDeposit ?? DEFAULT_BID_DEPOSIT));
      this.bids.set(key, { createdAtMs: Date.now(), closing: false });
      this.log(`bid ${price.amount}${price.denom} on ${key}`);
    } catch (e) {
      this.inventory.release(key);
      this.declined.set(key, (e as Error).message);
      this.log(`bid on ${key} failed: ${(e as Error).message}`);
    } finally {
      this.inFlight.delete(key);
    }
  }
}
