/**
 * The transactions messages a provider signs, built with the chain-sdk codecs (type URL + value, as the
 * cosmjs registry expects them).
 */
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { toUtf8 } from "@cosmjs/encoding";
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { Attribute } from "./attributes";

/** LeaseClosedReason values (akash.market.v1) a provider uses. */
export const REASON_UNSPECIFIED = 10002;
export const REASON_MANIFEST_TIMEOUT = 10003;

export interface OrderRef {
  owner: string;
  dseq: bigint;
  gseq: number;
  oseq: number;
}

/** "owner/dseq/gseq/oseq": the key of an order, and of the bid and lease a provider makes of it. */
export function orderKey(id: { owner: string; dseq: { toString(): string }; gseq: number; oseq: number }): string {
  return `${id.owner}/${id.dseq.toString()}/${id.gseq}/${id.oseq}`;
}

export function parseOrderKey(key: string): OrderRef {
  const [owner, dseq, gseq, oseq] = key.split("/");
  return { owner, dseq: BigInt(dseq), gseq: Number(gseq), oseq: Number(oseq) };
}

function bidId(ref: OrderRef, provider: string) {
  return { owner: ref.owner, dseq: ref.dseq.toString(), gseq: ref.gseq, oseq: ref.oseq, provider, bseq: 0 };
}

export function providerMsg(kind: "create" | "update", fields: { owner: string; hostUri: string; attributes: Attribute[]; info: { email: string; website: string } }): EncodeObject {
  const codec = kind === "create" ? v1beta4.MsgCreateProvider : v1beta4.MsgUpdateProvider;
  return { typeUrl: `/${codec.$type}`, value: codec.fromPartial(fields) };
}

export function certificateMsg(owner: string, pem: { cert: string; publicKey: string }): EncodeObject {
  return { typeUrl: `/${v1.MsgCreateCertificate.$type}`, value: v1.MsgCreateCertificate.fromPartial({ owner, cert: toUtf8(pem.cert), pubkey: toUtf8(pem.publicKey) }) };
}

export function signAttributesMsg(auditor: string, owner: string, attributes: Attribute[]): EncodeObject {
  return { typeUrl: `/${v1.MsgSignProviderAttributes.$type}`, value: v1.MsgSignProviderAttributes.fromPartial({ owner, auditor, attributes }) };
}

/** MsgCreateBid offering exactly the order's resource units (ResourceOfferFromRU), deposit from the balance. */
export function createBidMsg(order: v1beta5.Order, provider: string, price: { denom: string; amount: string }, deposit: { denom: string; amount: string }): EncodeObject {
  const id = order.id!;
  return {
    typeUrl: `/${v1beta5.MsgCreateBid.$type}`,
    value: v1beta5.MsgCreateBid.fromPartial({
      id: { owner: id.owner, dseq: id.dseq, gseq: id.gseq, oseq: id.oseq, provider, bseq: 0 },
      price,
      deposit: { amount: deposit, sources: [v1.Source.balance] },
      resourcesOffer: order.spec!.resources.map((unit) => ({ resources: unit.resource, count: unit.count })),
    }),
  };
}

/** MsgCloseBid: withdraws an open bid, or closes the lease of an active one with `reason`. */
export function closeBidMsg(ref: OrderRef, provider: string, reason: number): EncodeObject {
  return { typeUrl: `/${v1beta5.MsgCloseBid.$type}`, value: v1beta5.MsgCloseBid.fromPartial({ id: bidId(ref, provider), reason }) };
}

export function withdrawLeaseMsg(ref: OrderRef, provider: string): EncodeObject {
  return { typeUrl: `/${v1beta5.MsgWithdrawLease.$type}`, value: v1beta5.MsgWithdrawLease.fromPartial({ id: bidId(ref, provider) }) };
}
