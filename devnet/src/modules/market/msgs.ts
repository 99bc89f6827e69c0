import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import {
  MsgCloseBid,
  MsgCloseBidResponse,
  MsgCloseLease,
  MsgCloseLeaseResponse,
  MsgCreateBid,
  MsgCreateBidResponse,
  MsgCreateLease,
  MsgCreateLeaseResponse,
  MsgWithdrawLease,
  MsgWithdrawLeaseResponse,
  ResourceOffer,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { ChainError, type Context, type MsgHandler } from "../../chain/types";
import { deploymentErrors } from "../deployment/errors";
import type { DeploymentKeeper } from "../deployment/keeper";
import { groupPrice } from "../deployment/groupspec";
import { depositError, depositRequest } from "../escrow/deposit";
import type { EscrowKeeper } from "../escrow/keeper";
import { parseDec } from "../market-common/decimal";
import { sdkErrors, withDetail } from "../market-common/errors";
import { bidIdError, bidRef, leaseIdError, throwIf } from "../market-common/id-validation";
import { isAccAddress } from "../market-common/ids";
import { type Attr, type AuditedAttrs, matchRequirements, matchResourcesRequirements } from "./attributes";
import { marketErrors } from "./errors";
import { LeaseClosedReason, type MarketKeeper, bidAccountId, ignoreChainError, leasePaymentId } from "./keeper";

/**
 * akash.market.v1beta5.Msg handlers (node x/market/handler/server.go) with chain-sdk ValidateBasic, checks in
 * the node's order.
 */
export interface ProviderLookup {
  get(ctx: Context, owner: string): { owner: string; hostUri: string; attributes: Attr[] } | undefined;
}
export interface AuditLookup {
  attributes(ctx: Context, owner: string): AuditedAttrs[];
}

const PROVIDER_REASONS = { min: 10000, max: 19999 };

function priceAmount(price: { amount: string } | undefined): bigint | undefined {
  try {
    return parseDec(price?.amount || "0");
  } catch {
    return undefined;
  }
}

/** ResourcesOffer.MatchGSpec: each offered resource id exists in the group with the same count. */
function offerMatchesSpec(offers: ResourceOffer[], spec: GroupSpec): boolean {
  const units = new Map(spec.resources.map((u) => [u.resource?.id ?? 0, u.count]));
  for (const offer of offers) {
    const id = offer.resources?.id ?? 0;
    if (!units.has(id) || units.get(id) !== offer.count) return false;
    units.delete(id);
  }
  return true;
}

export function createBidHandler(market: MarketKeeper): MsgHandler<MsgCreateBid> {
  return {
    typeUrl: `/${MsgCreateBid.$type}`,
    codec: MsgCreateBid,
    response: MsgCreateBidResponse,
    signers: (msg) => [msg.id?.provider ?? ""],
    validateBasic(msg) {
      const id = bidRef(msg.id);
      throwIf(bidIdError(id));
      throwIf(depositError(msg.deposit));
      if (!isAccAddress(id.provider)) throw marketErrors.emptyProvider();
      if (!isAccAddress(id.owner)) throw withDetail(marketErrors.invalidBid(), "empty owner");
      if (id.provider === id.owner) throw marketErrors.sameAccount();
      if (priceAmount(msg.price) === 0n) throw marketErrors.bidZeroPrice();
    },
    handle(ctx, msg) {
      const id = bidRef(msg.id);
      const params = market.getParams(ctx);
      const deposit = depositRequest(msg.deposit);
      const minDeposit = BigInt(params.bidMinDeposits.find((c) => c.denom === deposit.denom)?.amount ?? "0");
      if (minDeposit === 0n) throw withDetail(marketErrors.invalidDeposit(), `unsupported denom ${deposit.denom}`);
      if (minDeposit > deposit.amount) {
        throw withDetail(marketErrors.invalidDeposit(), `minimum:${minDeposit}${deposit.denom} received:${deposit.amount}${deposit.denom}`);
      }
      if (market.bidCountForOrder(ctx, id) > params.orderMaxBids) {
        throw withDetail(marketErrors.invalidBid(), `too many existing bids (${params.orderMaxBids})`);
      }
      if (id.bseq !== 0) throw marketErrors.invalidBid();
      const order = market.getOrder(ctx, id);
      if (!order) throw marketErrors.orderNotFound();
      if (order.state === "active") throw marketErrors.orderActive();
      if (order.state !== "open") throw marketErrors.orderClosed();

      const price = priceAmount(msg.price);
      const denom = msg.price?.denom ?? "";
      if (price === undefined || price < 0n || !/^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/.test(denom)) throw marketErrors.bidInvalidPrice();
      const spec = GroupSpec.fromJSON(order.spec);
      const orderPrice = groupPrice(spec);
      // sdk.DecCoin.IsLT panics on mismatched denoms; baseapp turns the panic into this error.
      if (orderPrice.denom !== denom) throw sdkErrors.panic.wrap(`recovered: invalid coin denominations; ${orderPrice.denom}, ${denom}`);
      if (orderPrice.amount < price) throw marketErrors.bidInvalidPrice();
      if (!offerMatchesSpec(msg.resourcesOffer, spec)) throw marketErrors.capabilitiesMismatch();

      const provider = ctx.keeper<ProviderLookup>("provider").get(ctx, id.provider);
      if (!provider) throw marketErrors.unknownProvider();
      const audited = ctx.keeper<AuditLookup>("audit").attributes(ctx, id.provider);
      if (!matchRequirements(spec, provider.attributes, audited)) throw marketErrors.attributeMismatch();
      if (!matchResourcesRequirements(spec, provider.attributes)) throw marketErrors.capabilitiesMismatch();

      const escrow = ctx.keeper<EscrowKeeper>("escrow");
      const depositors = escrow.authorizeDeposits(ctx, id.provider, deposit, "bid");
      const bid = market.createBid(ctx, id, { denom, amount: msg.price!.amount }, msg.resourcesOffer.map((o) => ResourceOffer.toJSON(o)));
      escrow.accountCreate(ctx, bidAccountId(bid), id.provider, depositors);
      return {};
    },
  };
}

export function closeBidHandler(market: MarketKeeper): MsgHandler<MsgCloseBid> {
  return {
    typeUrl: `/${MsgCloseBid.$type}`,
    codec: MsgCloseBid,
    response: MsgCloseBidResponse,
    signers: (msg) => [msg.id?.provider ?? ""],
    validateBasic(msg) {
      throwIf(bidIdError(bidRef(msg.id)));
      if (msg.reason < PROVIDER_REASONS.min || msg.reason > PROVIDER_REASONS.max) {
        throw marketErrors.invalidLeaseClosedReason().wrap(`value "${msg.reason}" range 10000..19999`);
      }
    },
    handle(ctx, msg) {
      const id = bidRef(msg.id);
      const bid = market.getBid(ctx, id);
      if (!bid) throw marketErrors.unknownBid();
      const order = market.getOrder(ctx, id);
      if (!order) throw marketErrors.unknownOrderForBid();
      if (bid.state === "open") {
        market.onBidClosed(ctx, bid);
        return {};
      }
      const lease = market.getLease(ctx, id);
      if (!lease) throw marketErrors.unknownLeaseForBid();
      if (lease.state !== "active") throw marketErrors.leaseNotActive();
      if (bid.state !== "active") throw marketErrors.bidNotActive();
      ctx.keeper<DeploymentKeeper>("deployment").onBidClosed(ctx, order);
      market.onLeaseClosed(ctx, lease, "closed", msg.reason);
      market.onBidClosed(ctx, bid);
      market.onOrderClosed(ctx, order);
      ignoreChainError(() => ctx.keeper<EscrowKeeper>("escrow").paymentClose(ctx, leasePaymentId(lease)));
      return {};
    },
  };
}

export function withdrawLeaseHandler(market: MarketKeeper): MsgHandler<MsgWithdrawLease> {
  return {
    typeUrl: `/${MsgWithdrawLease.$type}`,
    codec: MsgWithdrawLease,
    response: MsgWithdrawLeaseResponse,
    signers: (msg) => [msg.id?.provider ?? ""],
    validateBasic: (msg) => throwIf(leaseIdError(bidRef(msg.id))),
    handle(ctx, msg) {
      const id = bidRef(msg.id);
      if (!market.getLease(ctx, id)) throw marketErrors.unknownLease();
      ctx.keeper<EscrowKeeper>("escrow").paymentWithdraw(ctx, leasePaymentId(id));
      return {};
    },
  };
}

export function createLeaseHandler(market: MarketKeeper): MsgHandler<MsgCreateLease> {
  return {
    typeUrl: `/${MsgCreateLease.$type}`,
    codec: MsgCreateLease,
    response: MsgCreateLeaseResponse,
    signers: (msg) => [msg.bidId?.owner ?? ""],
    validateBasic: (msg) => throwIf(bidIdError(bidRef(msg.bidId))),
    handle(ctx, msg) {
      const id = bidRef(msg.bidId);
      const bid = market.getBid(ctx, id);
      if (!bid) throw marketErrors.bidNotFound();
      if (bid.state !== "open") throw marketErrors.bidNotOpen();
      const order = market.getOrder(ctx, id);
      if (!order) throw marketErrors.orderNotFound();
      if (order.state !== "open") throw marketErrors.orderNotOpen();
      const group = ctx.keeper<DeploymentKeeper>("deployment").getGroup(ctx, id);
      if (!group) throw marketErrors.groupNotFound();
      if (group.state !== "open") throw marketErrors.groupNotOpen();

      const escrow = ctx.keeper<EscrowKeeper>("escrow");
      escrow.paymentCreate(ctx, leasePaymentId(id), id.provider, { denom: bid.price.denom, amount: parseDec(bid.price.amount) });
      market.createLease(ctx, bid);
      market.onOrderMatched(ctx, order);
      market.onBidMatched(ctx, bid);
      // Losing bids: the node stops at the first escrow error, and closing a bid account always reports one
      // (the escrow hook refuses non-deployment accounts after the refund), so only the first loser is processed.
      for (const loser of market.bidsForOrder(ctx, order, "open")) {
        market.onBidLost(ctx, loser);
        if (ignoreChainError(() => escrow.accountClose(ctx, bidAccountId(loser))) instanceof ChainError) break;
      }
      return {};
    },
  };
}

export function closeLeaseHandler(market: MarketKeeper): MsgHandler<MsgCloseLease> {
  return {
    typeUrl: `/${MsgCloseLease.$type}`,
    codec: MsgCloseLease,
    response: MsgCloseLeaseResponse,
    signers: (msg) => [msg.id?.owner ?? ""],
    validateBasic: (msg) => throwIf(leaseIdError(bidRef(msg.id))),
    handle(ctx, msg) {
      const id = bidRef(msg.id);
      const order = market.getOrder(ctx, id);
      if (!order) throw marketErrors.orderNotFound();
      if (order.state !== "active") throw marketErrors.orderClosed();
      const bid = market.getBid(ctx, id);
      if (!bid) throw marketErrors.bidNotFound();
      if (bid.state !== "active") throw marketErrors.bidNotActive();
      const lease = market.getLease(ctx, id);
      if (!lease) throw marketErrors.leaseNotFound();
      if (lease.state !== "active") throw marketErrors.orderClosed();

      // The msg's reason is ignored: a tenant close is always lease_closed_owner.
      market.onLeaseClosed(ctx, lease, "closed", LeaseClosedReason.owner);
      market.onBidClosed(ctx, bid);
      market.onOrderClosed(ctx, order);
      ctx.keeper<EscrowKeeper>("escrow").paymentClose(ctx, leasePaymentId(lease));
      const group = ctx.keeper<DeploymentKeeper>("deployment").getGroup(ctx, id);
      if (!group) throw deploymentErrors.groupNotFound();
      // The group stays open, so providers get a fresh order (oseq + 1) to bid on.
      if (group.state === "open") market.createOrder(ctx, group, group.spec);
      return {};
    },
  };
}
