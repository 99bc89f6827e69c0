/**
 * The provider's cluster inventory: what it has, what is reserved for open bids and allocated to leases.
 * GPU requests are matched by vendor/model/ram/interface like the real inventory (model globs allowed).
 */
import { globMatch, type Attribute } from "./attributes";
import { ENDPOINT_LEASED_IP, type OrderSpec } from "./order-spec";

export interface GpuSpec {
  vendor: string;
  model: string;
  ram?: string;
  interface?: string;
  units: number;
}

export interface Capacity {
  cpuMillis: number;
  memoryBytes: number;
  storageBytes: number;
}

export interface Allocation {
  cpuMillis: bigint;
  memoryBytes: bigint;
  storageBytes: bigint;
  /** GPU units taken per index into the inventory's gpus */
  gpus: number[];
  ips: number;
  /** per order unit: the GPU model chosen (for pricing) */
  gpuModels: Array<string | undefined>;
}

export type FitResult = { ok: true; allocation: Allocation } | { ok: false; reason: string };

interface GpuRequirement {
  vendor: string;
  model: string;
  ram?: string;
  interface?: string;
}

/** "vendor/nvidia/model/a100/ram/80Gi/interface/pcie" = "true" -> requirement; other keys ignored. */
export function gpuRequirement(attribute: Attribute): GpuRequirement | undefined {
  const tokens = attribute.key.split("/");
  if (tokens[0] !== "vendor" || tokens.length < 2 || attribute.value !== "true") return undefined;
  const req: GpuRequirement = { vendor: tokens[1], model: "*" };
  for (let i = 2; i + 1 < tokens.length; i += 2) {
    const [name, value] = [tokens[i], tokens[i + 1]];
    if (name === "model") req.model = value;
    else if (name === "ram") req.ram = value;
    else if (name === "interface") req.interface = value;
  }
  return req;
}

function gpuSatisfies(gpu: GpuSpec, req: GpuRequirement): boolean {
  return (
    globMatch(req.vendor, gpu.vendor) &&
    globMatch(req.model, gpu.model) &&
    (req.ram === undefined || req.ram === gpu.ram) &&
    (req.interface === undefined || req.interface === gpu.interface)
  );
}

export class Inventory {
  private readonly held = new Map<string, Allocation>();

  constructor(
    readonly capacity: Capacity,
    readonly gpus: readonly GpuSpec[] = [],
    readonly ipCount = 0,
  ) {}

  /** Resources not reserved or allocated. */
  free(): { cpuMillis: bigint; memoryBytes: bigint; storageBytes: bigint; gpus: number[]; ips: number } {
    const free = {
      cpuMillis: BigInt(this.capacity.cpuMillis),
      memoryBytes: BigInt(this.capacity.memoryBytes),
      storageBytes: BigInt(this.capacity.storageBytes),
      gpus: this.gpus.map((g) => g.units),
      ips: this.ipCount,
    };
    for (const a of this.held.values()) {
      free.cpuMillis -= a.cpuMillis;
      free.memoryBytes -= a.memoryBytes;
      free.storageBytes -= a.storageBytes;
      a.gpus.forEach((n, i) => (free.gpus[i] -= n));
      free.ips -= a.ips;
    }
    return free;
  }

  /** Whether the order fits into what is free now; the allocation it would take if so. */
  fit(spec: OrderSpec): FitResult {
    const free = this.free();
    const allocation: Allocation = {
      cpuMillis: 0n,
      memoryBytes: 0n,
      storageBytes: 0n,
      gpus: this.gpus.map(() => 0),
      ips: 0,
      gpuModels: [],
    };
    for (const unit of spec.units) {
      const count = BigInt(unit.count);
      allocation.cpuMillis += unit.cpuMillis * count;
      allocation.memoryBytes += unit.memoryBytes * count;
      allocation.storageBytes += unit.storage.reduce((sum, s) => sum + s.bytes, 0n) * count;
      let model: string | undefined;
      if (unit.gpuUnits > 0n) {
        const wanted = Number(unit.gpuUnits * count);
        const reqs = unit.gpuAttributes.map(gpuRequirement).filter((r): r is GpuRequirement => r !== undefined);
        const index = this.gpus.findIndex(
          (gpu, i) => (reqs.length === 0 || reqs.some((r) => gpuSatisfies(gpu, r))) && free.gpus[i] - allocation.gpus[i] >= wanted,
        );
        if (index < 0) return { ok: false, reason: `insufficient GPU capacity for resource ${unit.id}` };
        allocation.gpus[index] += wanted;
        model = this.gpus[index].model;
      }
      allocation.gpuModels.push(model);
    }
    allocation.ips = new Set(
      spec.units.flatMap((u) => u.endpoints.filter((e) => e.kind === ENDPOINT_LEASED_IP).map((e) => e.sequenceNumber)),
    ).size;
    if (allocation.cpuMillis > free.cpuMillis) return { ok: false, reason: "insufficient CPU capacity" };
    if (allocation.memoryBytes > free.memoryBytes) return { ok: false, reason: "insufficient memory capacity" };
    if (allocation.storageBytes > free.storageBytes) return { ok: false, reason: "insufficient storage capacity" };
    if (allocation.ips > free.ips) return { ok: false, reason: "insufficient leased IPs" };
    return { ok: true, allocation };
  }

  hold(key: string, allocation: Allocation): void {
    this.held.set(key, allocation);
  }

  release(key: string): void {
    this.held.delete(key);
  }

  isHeld(key: string): boolean {
    return this.held.has(key);
  }
}
