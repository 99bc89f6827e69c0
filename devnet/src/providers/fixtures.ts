/**
 * Test support: the shared SDL fixtures (Go-generated group specs, manifests and hashes) turned into
 * chain-sdk GroupSpec objects as the chain returns them, so specs exercise real data.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export function fixturesDir(): string {
  return path.join(repoRoot(), "..", "shared", "akash", "fixtures");
}

interface GoValue {
  val: string;
}
interface GoResourceUnit {
  resource: {
    id: number;
    cpu: { units: GoValue; attributes?: Array<{ key: string; value: string }> };
    memory: { size: GoValue };
    storage: Array<{ name: string; size: GoValue; attributes?: Array<{ key: string; value: string }> }>;
    gpu: { units: GoValue; attributes?: Array<{ key: string; value: string }> };
    endpoints: Array<{ kind?: number; sequence_number: number }>;
  };
  count: number;
  price: { denom: string; amount: string };
}
interface GoGroupSpec {
  name: string;
  requirements: { signed_by: { all_of: string[] | null; any_of: string[] | null }; attributes: Array<{ key: string; value: string }> | null };
  resources: GoResourceUnit[];
}

const bytes = (v: GoValue) => new TextEncoder().encode(v.val);

/** A Go JSON GroupSpec (group-specs.json) as the chain-sdk codec object the chain would return. */
export function groupSpecFromGo(spec: GoGroupSpec): GroupSpec {
  return GroupSpec.fromPartial({
    name: spec.name,
    requirements: {
      signedBy: { allOf: spec.requirements.signed_by.all_of ?? [], anyOf: spec.requirements.signed_by.any_of ?? [] },
      attributes: spec.requirements.attributes ?? [],
    },
    resources: spec.resources.map((u) => ({
      count: u.count,
      price: u.price,
      resource: {
        id: u.resource.id,
        cpu: { units: { val: bytes(u.resource.cpu.units) }, attributes: u.resource.cpu.attributes ?? [] },
        memory: { quantity: { val: bytes(u.resource.memory.size) }, attributes: [] },
        storage: u.resource.storage.map((s) => ({ name: s.name, quantity: { val: bytes(s.size) }, attributes: s.attributes ?? [] })),
        gpu: { units: { val: bytes(u.resource.gpu.units) }, attributes: u.resource.gpu.attributes ?? [] },
        endpoints: u.resource.endpoints.map((e) => ({ kind: e.kind ?? 0, sequenceNumber: e.sequence_number })),
      },
    })),
  });
}

/** One parity case: its group specs, the exact manifest JSON a tenant PUTs, and the on-chain hash. */
export function parityCase(version: "v2.0" | "v2.1", name: string): { groups: GroupSpec[]; manifestJson: string; hash: Uint8Array } {
  const dir = path.join(fixturesDir(), "chain-sdk-parity", version, name);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");
  return {
    groups: (JSON.parse(read("group-specs.json")) as GoGroupSpec[]).map(groupSpecFromGo),
    manifestJson: read("expected-sorted-manifest.json"),
    hash: new Uint8Array(Buffer.from(read("expected-manifest-hash.hex").trim(), "hex")),
  };
}

export interface UnitOptions {
  cpuMillis?: number;
  memoryBytes?: number;
  storage?: Array<{ name?: string; bytes: number; attributes?: Array<{ key: string; value: string }> }>;
  gpuUnits?: number;
  gpuAttributes?: Array<{ key: string; value: string }>;
  endpoints?: Array<{ kind: number; sequenceNumber?: number }>;
  count?: number;
  price?: string;
  denom?: string;
}

/** A GroupSpec as the chain stores it, from terse options (defaults: 0.5 CPU, 512Mi, 1Gi, one HTTP endpoint). */
export function groupSpec(opts: {
  name?: string;
  attributes?: Array<{ key: string; value: string }>;
  signedBy?: { allOf?: string[]; anyOf?: string[] };
  units?: UnitOptions[];
}): GroupSpec {
  const enc = (n: number) => new TextEncoder().encode(String(n));
  return GroupSpec.fromPartial({
    name: opts.name ?? "dcloud",
    requirements: { signedBy: { allOf: opts.signedBy?.allOf ?? [], anyOf: opts.signedBy?.anyOf ?? [] }, attributes: opts.attributes ?? [] },
    resources: (opts.units ?? [{}]).map((u, i) => ({
      count: u.count ?? 1,
      price: { denom: u.denom ?? "uact", amount: u.price ?? "1000" },
      resource: {
        id: i + 1,
        cpu: { units: { val: enc(u.cpuMillis ?? 500) }, attributes: [] },
        memory: { quantity: { val: enc(u.memoryBytes ?? 512 * 1024 * 1024) }, attributes: [] },
        storage: (u.storage ?? [{ bytes: 1024 ** 3 }]).map((s) => ({ name: s.name ?? "default", quantity: { val: enc(s.bytes) }, attributes: s.attributes ?? [] })),
        gpu: { units: { val: enc(u.gpuUnits ?? 0) }, attributes: u.gpuAttributes ?? [] },
        endpoints: (u.endpoints ?? [{ kind: 0 }]).map((e) => ({ kind: e.kind, sequenceNumber: e.sequenceNumber ?? 0 })),
      },
    })),
  });
}
