/**
 * A flat, typed view of an on-chain GroupSpec (chain-sdk akash.deployment.v1beta4.GroupSpec): resource
 * values decoded from their decimal-string bytes, so matching and pricing never touch protobuf shapes.
 */
import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { Attribute } from "./attributes";

export const ENDPOINT_SHARED_HTTP = 0;
export const ENDPOINT_RANDOM_PORT = 1;
export const ENDPOINT_LEASED_IP = 2;

export interface UnitSpec {
  id: number;
  count: number;
  cpuMillis: bigint;
  cpuAttributes: Attribute[];
  memoryBytes: bigint;
  storage: Array<{ name: string; bytes: bigint; attributes: Attribute[] }>;
  gpuUnits: bigint;
  gpuAttributes: Attribute[];
  endpoints: Array<{ kind: number; sequenceNumber: number }>;
  price: { denom: string; amount: string };
}

export interface OrderSpec {
  name: string;
  attributes: Attribute[];
  signedBy: { allOf: string[]; anyOf: string[] };
  units: UnitSpec[];
}

const decoder = new TextDecoder();

function resourceValue(value: { val?: Uint8Array } | undefined): bigint {
  const text = value?.val ? decoder.decode(value.val) : "";
  return text === "" ? 0n : BigInt(text);
}

function plainAttributes(list: ReadonlyArray<{ key: string; value: string }> | undefined): Attribute[] {
  return (list ?? []).map(({ key, value }) => ({ key, value }));
}

export function orderSpecFromGroupSpec(spec: GroupSpec): OrderSpec {
  return {
    name: spec.name,
    attributes: plainAttributes(spec.requirements?.attributes),
    signedBy: {
      allOf: [...(spec.requirements?.signedBy?.allOf ?? [])],
      anyOf: [...(spec.requirements?.signedBy?.anyOf ?? [])],
    },
    units: spec.resources.map((unit) => {
      const r = unit.resource;
      return {
        id: r?.id ?? 0,
        count: unit.count,
        cpuMillis: resourceValue(r?.cpu?.units),
        cpuAttributes: plainAttributes(r?.cpu?.attributes),
        memoryBytes: resourceValue(r?.memory?.quantity),
        storage: (r?.storage ?? []).map((s) => ({
          name: s.name,
          bytes: resourceValue(s.quantity),
          attributes: plainAttributes(s.attributes),
        })),
        gpuUnits: resourceValue(r?.gpu?.units),
        gpuAttributes: plainAttributes(r?.gpu?.attributes),
        endpoints: (r?.endpoints ?? []).map((e) => ({ kind: e.kind, sequenceNumber: e.sequenceNumber })),
        price: { denom: unit.price?.denom ?? "", amount: unit.price?.amount ?? "0" },
      };
    }),
  };
}

/** Storage class as the provider prices it: "ephemeral" unless persistent=true with a class. */
export function storageClass(attributes: readonly Attribute[]): string {
  const find = (key: string) => attributes.find((a) => a.key === key)?.value;
  const persistent = find("persistent");
  if (persistent === "true" || persistent === "1" || persistent === "t" || persistent === "T" || persistent === "TRUE" || persistent === "True") {
    return find("class") || "ephemeral";
  }
  return "ephemeral";
}

/** Distinct leased-IP endpoints of a group (by sequence number), as util.GetEndpointQuantityOfResourceGroup counts them. */
export function leasedIpCount(spec: OrderSpec): number {
  const seqs = new Set<number>();
  for (const unit of spec.units) {
    for (const e of unit.endpoints) if (e.kind === ENDPOINT_LEASED_IP) seqs.add(e.sequenceNumber);
  }
  return seqs.size;
}
