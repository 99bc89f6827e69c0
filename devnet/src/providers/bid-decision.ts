/**
 * Whether and at what price a provider bids on an order: the checks of the real bid engine
 * (bidengine/order.go shouldBid, cluster reservation, pricing, max-price check), as a pure function.
 */
import { attributesAnyOf, attributesSubsetOf, capabilitiesGroups, capabilitiesMap, type Attribute } from "./attributes";
import { formatDec, parseDec } from "./dec";
import type { Allocation, Inventory } from "./inventory";
import type { OrderSpec } from "./order-spec";
import { calculatePrice, type ScalePricing } from "./pricing";

export interface BidContext {
  /** the provider's own on-chain attributes */
  attributes: readonly Attribute[];
  /** attributes signed for this provider, by auditor address */
  auditorAttributes: ReadonlyMap<string, readonly Attribute[]>;
  pricing: ScalePricing;
  inventory: Pick<Inventory, "fit">;
}

export type BidDecision =
  | { bid: true; price: { denom: string; amount: string }; allocation: Allocation }
  | { bid: false; reason: string };

/** GroupSpec.MatchResourcesRequirements: storage classes and GPU models the provider advertises. */
export function matchesCapabilities(spec: OrderSpec, attributes: readonly Attribute[]): boolean {
  const storageGroups = capabilitiesGroups(attributes, "storage");
  const gpuGroups = capabilitiesMap(attributes, "gpu");
  for (const unit of spec.units) {
    for (const storage of unit.storage) {
      if (storage.attributes.length === 0) continue;
      if (!storageGroups.some((group) => attributesSubsetOf(storage.attributes, group))) return false;
    }
    if (unit.gpuUnits > 0n && unit.gpuAttributes.length > 0) {
      if (!gpuGroups.some((group) => attributesAnyOf(unit.gpuAttributes, group))) return false;
    }
  }
  return true;
}

/** GroupSpec.MatchRequirements with the auditors' signed attributes (only called when signedBy is set). */
export function matchesSignedBy(spec: OrderSpec, auditorAttributes: ReadonlyMap<string, readonly Attribute[]>): boolean {
  const signedMatch = (auditor: string) => {
    const signed = auditorAttributes.get(auditor);
    return signed !== undefined && attributesSubsetOf(spec.attributes, signed);
  };
  if (spec.signedBy.allOf.length > 0 && !spec.signedBy.allOf.every(signedMatch)) return false;
  if (spec.signedBy.anyOf.length > 0) return spec.signedBy.anyOf.some(signedMatch);
  return true;
}

/** Σ price × count over the group's units (GroupSpec.Price), in 18-decimal units. */
export function orderMaxPrice(spec: OrderSpec): { denom: string; amount: bigint } | undefined {
  const denoms = new Set(spec.units.map((u) => u.price.denom));
  if (denoms.size !== 1) return undefined;
  const amount = spec.units.reduce((sum, u) => sum + parseDec(u.price.amount) * BigInt(u.count), 0n);
  return { denom: spec.units[0].price.denom, amount };
}

export function decideBid(spec: OrderSpec, ctx: BidContext): BidDecision {
  if (!attributesSubsetOf(spec.attributes, ctx.attributes)) {
    return { bid: false, reason: "incompatible provider attributes" };
  }
  if (!matchesCapabilities(spec, ctx.attributes)) {
    return { bid: false, reason: "incompatible attributes for resources requirements" };
  }
  const signed = spec.signedBy.allOf.length + spec.signedBy.anyOf.length > 0;
  if (signed && !matchesSignedBy(spec, ctx.auditorAttributes)) {
    return { bid: false, reason: "attribute signature requirements not met" };
  }
  const fit = ctx.inventory.fit(spec);
  if (!fit.ok) return { bid: false, reason: fit.reason };
  const max = orderMaxPrice(spec);
  if (!max) return { bid: false, reason: "multi-denomination group" };
  const price = calculatePrice(spec, ctx.pricing, fit.allocation.gpuModels);
  if (!price.ok) return { bid: false, reason: price.reason };
  if (price.amount > max.amount) {
    return { bid: false, reason: `price too high: ${formatDec(price.amount)}${max.denom} > max ${formatDec(max.amount)}${max.denom}` };
  }
  return { bid: true, price: { denom: max.denom, amount: formatDec(price.amount) }, allocation: fit.allocation };
}
