import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { formatDecFixed, fromInt, parseDec } from "../market-common/decimal";
import type { Dec } from "../escrow/types";

/**
 * GroupSpec rules from chain-sdk go/node/deployment/v1beta4 (groupspec.go, resourceunit(s).go,
 * validation_config.go). Errors are plain Go errors there, so callers report them as such.
 */
export type GroupSpecValue = GroupSpec;

const Mi = 1024n ** 2n;
const Ti = 1024n ** 4n;
const LIMITS = {
  cpu: { min: 10n, max: 384_000n },
  gpu: { min: 0n, max: 24n },
  memory: { min: Mi, max: 2n * Ti },
  storage: { min: 5n * Mi, max: 32n * Ti },
  unitCount: 50n,
  unitPrice: 10_000_000n,
};
const ATTRIBUTE_KEY = /^([a-zA-Z][\w/.-]{1,126}[\w*]?)$/;

/** ResourceValue.val holds the decimal string of a math.Int. */
export function resourceValue(v: { val?: Uint8Array } | undefined): bigint {
  const text = v?.val && v.val.length > 0 ? Buffer.from(v.val).toString("utf8") : "0";
  return /^\d+$/.test(text) ? BigInt(text) : 0n;
}

/** Σ unit price × count (GroupSpec.Price); the denom is the first unit's. */
export function groupPrice(spec: GroupSpec): Dec {
  let denom = "";
  let amount = 0n;
  spec.resources.forEach((unit, idx) => {
    if (idx === 0) denom = unit.price?.denom ?? "";
    amount += parseDec(unit.price?.amount || "0") * BigInt(unit.count);
  });
  return { denom, amount };
}

function attributesError(attrs: Array<{ key: string }>): string | undefined {
  const seen = new Set<string>();
  for (const a of attrs) {
    if (!ATTRIBUTE_KEY.test(a.key)) return "attribute key does not match regexp";
    if (seen.has(a.key)) return "attributes cannot have duplicate keys";
    seen.add(a.key);
  }
  return undefined;
}

function unitError(unit: GroupSpec["resources"][number]): string | undefined {
  const r = unit.resource;
  if (!r || r.id === 0) return "error: invalid resources ID (> 0 fails)";
  if (!r.cpu) return "error: invalid unit CPU, cannot be nil";
  const cpu = resourceValue(r.cpu.units);
  if (cpu > LIMITS.cpu.max || cpu < LIMITS.cpu.min) return `error: invalid unit CPU (${LIMITS.cpu.max} > ${cpu} > ${LIMITS.cpu.max} fails)`;
  let attrErr = attributesError(r.cpu.attributes);
  if (attrErr) return `error: invalid CPU attributes: ${attrErr}`;
  if (!r.gpu) return "error: invalid unit GPU, cannot be nil";
  const gpu = resourceValue(r.gpu.units);
  if (gpu > LIMITS.gpu.max) return `error: invalid unit GPU (${LIMITS.gpu.max} > ${gpu} > ${LIMITS.gpu.max} fails)`;
  if (gpu === 0n && r.gpu.attributes.length > 0) return "error: invalid GPU state. attributes cannot be present if units == 0";
  attrErr = attributesError(r.gpu.attributes);
  if (attrErr) return `error: invalid GPU attributes: ${attrErr}`;
  if (!r.memory) return "error: invalid unit memory, cannot be nil";
  const mem = resourceValue(r.memory.quantity);
  if (mem > LIMITS.memory.max || mem < LIMITS.memory.min) return `error: invalid unit memory (${LIMITS.memory.max} > ${mem} > ${LIMITS.memory.max} fails)`;
  attrErr = attributesError(r.memory.attributes);
  if (attrErr) return `error: invalid Memory attributes: ${attrErr}`;
  for (const s of r.storage) {
    const q = resourceValue(s.quantity);
    if (q > LIMITS.storage.max || q < LIMITS.storage.min) return `error: invalid unit storage (${LIMITS.storage.max} > ${q} > ${LIMITS.storage.min} fails)`;
    attrErr = attributesError(s.attributes);
    if (attrErr) return `error: invalid Storage attributes: ${attrErr}`;
  }
  return undefined;
}

function totalsError(spec: GroupSpec): string | undefined {
  let cpu = 0n;
  let gpu = 0n;
  let memory = 0n;
  for (const u of spec.resources) {
    const count = BigInt(u.count);
    cpu += resourceValue(u.resource?.cpu?.units) * count;
    gpu += resourceValue(u.resource?.gpu?.units) * count;
    memory += resourceValue(u.resource?.memory?.quantity) * count;
  }
  const max = { cpu: LIMITS.cpu.max * LIMITS.unitCount, gpu: LIMITS.gpu.max * LIMITS.unitCount, memory: LIMITS.memory.max * LIMITS.unitCount };
  if (cpu > max.cpu || cpu <= 0n) return `invalid total CPU (${max.cpu} > ${cpu} > 0 fails)`;
  if (gpu !== 0n && gpu > max.gpu) return `invalid total GPU (${max.gpu} > ${gpu} > 0 fails)`;
  if (memory > max.memory || memory <= 0n) return `invalid total memory (${max.memory} > ${memory} > 0 fails)`;
  return undefined;
}

function pricingError(spec: GroupSpec): string | undefined {
  let denom = "";
  for (const [idx, unit] of spec.resources.entries()) {
    const price = unit.price;
    let amount: bigint;
    try {
      amount = parseDec(price?.amount || "");
    } catch {
      return `group ${spec.name}: error: invalid price object`;
    }
    if (!price?.denom || !/^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/.test(price.denom) || amount < 0n) return `group ${spec.name}: error: invalid price object`;
    if (amount > fromInt(LIMITS.unitPrice)) return `group ${spec.name}: error: invalid unit price (${LIMITS.unitPrice} > ${formatDecFixed(amount)}${price.denom} fails)`;
    if (idx === 0) denom = price.denom;
    else if (price.denom !== denom) return `multi-denonimation group: (${price.denom} == ${denom} fails)`;
  }
  return undefined;
}

/** GroupSpec.ValidateBasic: the first problem as Go words it, or undefined. */
export function groupSpecError(spec: GroupSpec): string | undefined {
  if (spec.name === "") return "empty group spec name denomination";
  const ids = new Set<number>();
  for (const unit of spec.resources) {
    const err = unitError(unit);
    if (err) return err;
    const id = unit.resource!.id;
    if (ids.has(id)) return `duplicate resources ID (${id}) within group`;
    ids.add(id);
  }
  return totalsError(spec) ?? pricingError(spec);
}

export function specToJson(spec: GroupSpec): unknown {
  return GroupSpec.toJSON(spec);
}

export function specFromJson(json: unknown): GroupSpec {
  return GroupSpec.fromJSON(json);
}
