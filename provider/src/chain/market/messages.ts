/** Tenant market messages (akash.market.v1beta5): accept a bid (create the lease) and close a lease. */
import type { EncodeObject } from "@cosmjs/proto-signing";
import { MsgCloseLease, MsgCreateLease } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { LeaseClosedReason } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { typeUrlOf } from "../registry";

export interface BidRef {
  owner: string;
  dseq: string | bigint;
  gseq: number;
  oseq: number;
  provider: string;
}

const id = (b: BidRef) => ({ owner: b.owner, dseq: String(b.dseq), gseq: b.gseq, oseq: b.oseq, provider: b.provider, bseq: 0 });

export function msgCreateLease(bid: BidRef): EncodeObject {
  return { typeUrl: typeUrlOf(MsgCreateLease), value: MsgCreateLease.fromPartial({ bidId: id(bid) }) };
}

export function msgCloseLease(lease: BidRef): EncodeObject {
  return { typeUrl: typeUrlOf(MsgCloseLease), value: MsgCloseLease.fromPartial({ id: id(lease), reason: LeaseClosedReason.lease_closed_owner }) };
}
