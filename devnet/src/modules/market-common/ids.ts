export { isAccAddress } from "../registry-kit/address";

/**
 * Identifiers shared by deployment, market and escrow: validation like chain-sdk's `ID.Validate`, zero-padded store
 * key parts (lexical order = numeric order) and the string forms Go uses (`owner/dseq/gseq/oseq/provider`).
 */
export interface DeploymentIdRef {
  owner: string;
  dseq: string;
}
export interface GroupIdRef extends DeploymentIdRef {
  gseq: number;
}
export interface OrderIdRef extends GroupIdRef {
  oseq: number;
}
export interface BidIdRef extends OrderIdRef {
  provider: string;
  bseq: number;
}

export function pad20(value: string | number | bigint): string {
  return BigInt(value).toString().padStart(20, "0");
}

export function pad10(value: number): string {
  return value.toString().padStart(10, "0");
}

/** Converts a codec uint64 (Long, string, number, bigint, undefined) into its decimal string. */
export function u64(value: { toString(): string } | string | number | bigint | undefined | null): string {
  if (value === undefined || value === null) return "0";
  return BigInt(value.toString()).toString();
}

export function deploymentKeyPart(id: DeploymentIdRef): string {
  return `${id.owner}/${pad20(id.dseq)}`;
}
export function groupKeyPart(id: GroupIdRef): string {
  return `${deploymentKeyPart(id)}/${pad10(id.gseq)}`;
}
export function orderKeyPart(id: OrderIdRef): string {
  return `${groupKeyPart(id)}/${pad10(id.oseq)}`;
}
export function bidKeyPart(id: BidIdRef): string {
  return `${orderKeyPart(id)}/${id.provider}/${pad10(id.bseq)}`;
}

/** Go `DeploymentID.String()` = escrow xid of the deployment account. */
export function deploymentString(id: DeploymentIdRef): string {
  return `${id.owner}/${id.dseq}`;
}
/** Go `BidID.String()` without bseq = escrow xid of the bid deposit account (`owner/dseq/gseq/oseq/provider`). */
export function bidAccountXid(id: BidIdRef): string {
  return `${id.owner}/${id.dseq}/${id.gseq}/${id.oseq}/${id.provider}`;
}
/** Escrow payment xid of a lease under its deployment account (`gseq/oseq/provider`). */
export function leasePaymentXid(id: BidIdRef): string {
  return `${id.gseq}/${id.oseq}/${id.provider}`;
}

export function sameOrder(a: OrderIdRef, b: OrderIdRef): boolean {
  return a.owner === b.owner && a.dseq === b.dseq && a.gseq === b.gseq && a.oseq === b.oseq;
}

/** proto-JSON of the id types, as typed events carry them (uint64 as strings, uint32 as numbers). */
export function deploymentIdJson(id: DeploymentIdRef) {
  return { owner: id.owner, dseq: id.dseq };
}
export function groupIdJson(id: GroupIdRef) {
  return { owner: id.owner, dseq: id.dseq, gseq: id.gseq };
}
export function orderIdJson(id: OrderIdRef) {
  return { owner: id.owner, dseq: id.dseq, gseq: id.gseq, oseq: id.oseq };
}
export function bidIdJson(id: BidIdRef) {
  return { owner: id.owner, dseq: id.dseq, gseq: id.gseq, oseq: id.oseq, provider: id.provider, bseq: id.bseq };
}
