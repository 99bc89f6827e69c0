import { Lease, Lease_State } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { Bid, Bid_State, Order, Order_State, ResourceOffer } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { BidIdRef, OrderIdRef } from "../market-common/ids";
import type { BidRecord, LeaseRecord, OrderRecord } from "./keeper";

/** Stored records → chain-sdk messages for query responses. */
const orderId = (o: OrderIdRef) => ({ owner: o.owner, dseq: o.dseq, gseq: o.gseq, oseq: o.oseq });
const bidId = (b: BidIdRef) => ({ ...orderId(b), provider: b.provider, bseq: b.bseq });

export function orderToProto(o: OrderRecord): Order {
  return Order.fromPartial({ id: orderId(o), state: Order_State[o.state], spec: GroupSpec.fromJSON(o.spec), createdAt: o.createdAt });
}

export function bidToProto(b: BidRecord): Bid {
  return Bid.fromPartial({
    id: bidId(b),
    state: Bid_State[b.state],
    price: b.price,
    createdAt: b.createdAt,
    resourcesOffer: b.resourcesOffer.map((o) => ResourceOffer.fromJSON(o)),
  });
}

export function leaseToProto(l: LeaseRecord): Lease {
  return Lease.fromPartial({
    id: bidId(l),
    state: Lease_State[l.state],
    price: l.price,
    createdAt: l.createdAt,
    closedOn: l.closedOn,
    reason: l.reason,
  });
}
