/**
 * The provider's bid price: the real provider's "scale" strategy (bidengine/pricing.go) — per-millicpu,
 * per-MiB memory, per-MiB storage by class, per-endpoint and per-leased-IP scales — plus a per-GPU-unit
 * scale by model (real providers price GPUs through a pricing script). Unit-agnostic: the result is in
 * the order's denom.
 */
import { decFromInt, decFromNumber, formatDec, mulDec } from "./dec";
import { leasedIpCount, storageClass, type OrderSpec } from "./order-spec";

export interface ScalePricing {
  /** per millicpu per block */
  cpuPerMilli: number;
  /** per MiB of memory per block */
  memoryPerMiB: number;
  /** per MiB of storage per block, by class ("ephemeral", "beta2", "ram", ...) */
  storagePerMiB: Record<string, number>;
  /** per global endpoint per block */
  endpoint?: number;
  /** per leased IP per block */
  ip?: number;
  /** per GPU unit per block, by model; "*" prices any other model */
  gpuPerUnit?: Record<string, number>;
}

const MiB = 1024n * 1024n;

export type PriceResult = { ok: true; amount: bigint } | { ok: false; reason: string };

/**
 * Total price per block of an order. `gpuModels[i]` is the model the provider would run unit i's GPUs
 * on (from the inventory), used to pick the GPU scale.
 */
export function calculatePrice(spec: OrderSpec, pricing: ScalePricing, gpuModels: ReadonlyArray<string | undefined> = []): PriceResult {
  let total = 0n;
  for (const [index, unit] of spec.units.entries()) {
    const count = BigInt(unit.count);
    total += mulDec(decFromInt(unit.cpuMillis * count), decFromNumber(pricing.cpuPerMilli));
    total += mulDec(decFromInt(unit.memoryBytes * count), decFromNumber(pricing.memoryPerMiB)) / MiB;
    for (const storage of unit.storage) {
      const cls = storageClass(storage.attributes);
      const scale = pricing.storagePerMiB[cls];
      if (scale === undefined) return { ok: false, reason: `no pricing configured for storage class: ${cls}` };
      total += mulDec(decFromInt(storage.bytes * count), decFromNumber(scale)) / MiB;
    }
    total += BigInt(unit.endpoints.length) * decFromNumber(pricing.endpoint ?? 0);
    if (unit.gpuUnits > 0n) {
      const model = gpuModels[index];
      const scale = (model !== undefined ? pricing.gpuPerUnit?.[model] : undefined) ?? pricing.gpuPerUnit?.["*"];
      if (scale === undefined) return { ok: false, reason: `no pricing configured for GPU model ${model ?? "(any)"}` };
      total += mulDec(decFromInt(unit.gpuUnits * count), decFromNumber(scale));
    }
  }
  total += BigInt(leasedIpCount(spec)) * decFromNumber(pricing.ip ?? 0);
  if (total === 0n) return { ok: false, reason: "a bid of zero was produced" };
  return { ok: true, amount: total };
}

/** Mainnet's average block time, at which provider pricing is written (Console's figure). */
export const MAINNET_BLOCK_MS = 6098;

/**
 * Pricing written per mainnet block, rescaled to the devnet's block time: a provider charges per block, so on
 * 500 ms blocks it bids 1/12 of its mainnet per-block price and a lease costs per month (and drains escrow per
 * hour) what it would on mainnet. Without this a bid policy's monthly cap would mean 12x less on the devnet.
 */
export function pricingAtBlockTime(pricing: ScalePricing, blockTimeMs: number): ScalePricing {
  const scale = (perMainnetBlock: number) => Number(formatDec((decFromNumber(perMainnetBlock) * BigInt(blockTimeMs)) / BigInt(MAINNET_BLOCK_MS)));
  const scaleAll = (table: Record<string, number>) => Object.fromEntries(Object.entries(table).map(([k, v]) => [k, scale(v)]));
  return {
    cpuPerMilli: scale(pricing.cpuPerMilli),
    memoryPerMiB: scale(pricing.memoryPerMiB),
    storagePerMiB: scaleAll(pricing.storagePerMiB),
    ...(pricing.endpoint === undefined ? {} : { endpoint: scale(pricing.endpoint) }),
    ...(pricing.ip === undefined ? {} : { ip: scale(pricing.ip) }),
    ...(pricing.gpuPerUnit === undefined ? {} : { gpuPerUnit: scaleAll(pricing.gpuPerUnit) }),
  };
}
