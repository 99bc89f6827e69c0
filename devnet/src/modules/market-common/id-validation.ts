import type { ChainError } from "../../chain/types";
import { sdkErrors } from "./errors";
import { isAccAddress } from "../registry-kit/address";
import { type BidIdRef, type DeploymentIdRef, type GroupIdRef, type OrderIdRef, u64 } from "./ids";

/** chain-sdk `DeploymentID/GroupID/OrderID/BidID/LeaseID.Validate`, with Go's wrapping so messages match. */
export function deploymentIdError(id: DeploymentIdRef): ChainError | undefined {
  if (!isAccAddress(id.owner)) return sdkErrors.invalidAddress.wrap("DeploymentID: Invalid Owner Address");
  if (id.dseq === "0") return sdkErrors.invalidSequence.wrap("DeploymentID: Invalid Deployment Sequence");
  return undefined;
}

export function groupIdError(id: GroupIdRef): ChainError | undefined {
  const inner = deploymentIdError(id);
  if (inner) return inner.wrap("GroupID: Invalid DeploymentID");
  if (id.gseq === 0) return sdkErrors.invalidSequence.wrap("GroupID: Invalid Group Sequence");
  return undefined;
}

export function orderIdError(id: OrderIdRef): ChainError | undefined {
  const inner = groupIdError(id);
  if (inner) return inner.wrap("OrderID: Invalid GroupID");
  if (id.oseq === 0) return sdkErrors.invalidSequence.wrap("OrderID: Invalid Order Sequence");
  return undefined;
}

export function bidIdError(id: BidIdRef): ChainError | undefined {
  const inner = orderIdError(id);
  if (inner) return inner.wrap("BidID: Invalid OrderID");
  if (!isAccAddress(id.provider)) return sdkErrors.invalidAddress.wrap("BidID: Invalid Provider Address");
  if (id.owner === id.provider) return sdkErrors.conflict.wrap("BidID: self-bid");
  if (id.bseq !== 0) return sdkErrors.conflict.wrap("BidID: invalid bseq");
  return undefined;
}

export function leaseIdError(id: BidIdRef): ChainError | undefined {
  return bidIdError(id)?.wrap("LeaseID: Invalid BidID");
}

export function throwIf(err: ChainError | undefined): void {
  if (err) throw err;
}

type Long64 = { toString(): string } | string | number | undefined;
interface CodecId {
  owner?: string;
  dseq?: Long64;
  gseq?: number;
  oseq?: number;
  provider?: string;
  bseq?: number;
}

/** Codec ids (Long dseq, possibly undefined) to plain refs. */
export function deploymentRef(id: CodecId | undefined): DeploymentIdRef {
  return { owner: id?.owner ?? "", dseq: u64(id?.dseq) };
}
export function groupRef(id: CodecId | undefined): GroupIdRef {
  return { ...deploymentRef(id), gseq: id?.gseq ?? 0 };
}
export function orderRef(id: CodecId | undefined): OrderIdRef {
  return { ...groupRef(id), oseq: id?.oseq ?? 0 };
}
export function bidRef(id: CodecId | undefined): BidIdRef {
  return { ...orderRef(id), provider: id?.provider ?? "", bseq: id?.bseq ?? 0 };
}
