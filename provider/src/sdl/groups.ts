/**
 * Deployment groups and manifest groups, built together as chain-sdk go/sdl groupBuilder_v2.go / _v2_1.go do:
 * one group per placement (sorted), services in sorted order, resource ids 1..N per group. v2.0 gives every
 * service its own resource unit; v2.1 lets services of one placement with the same compute profile share a
 * unit (counts summed, endpoints appended and sorted).
 */
import type { IssueList } from "./errors";
import { endpointSequenceNumbers, exposeEndpoints, manifestExposes, sortEndpoints } from "./expose";
import { own } from "./fields";
import { goSort, goStringLess, sortedKeys } from "./gosort";
import { manifestService, type AttributeJson, type EndpointJson, type ManifestGroup, type ResourcesJson } from "./manifest";
import type { Attribute, ComputeResources, ParsedSdl } from "./schema";

export interface ResourceUnitJson {
  resource: ResourcesJson;
  count: number;
  price: { denom: string; amount: string };
}

/** akash.deployment.v1beta4.GroupSpec in Go's JSON shape (the chain-sdk group-specs.json fixtures). */
export interface GroupSpecJson {
  name: string;
  requirements: {
    signed_by: { all_of: string[] | null; any_of: string[] | null };
    attributes: AttributeJson[] | null;
  };
  resources: ResourceUnitJson[];
}

const teeTypes = new Set(["cpu", "cpu-gpu"]);

export function attributesJson(attrs: readonly Attribute[]): AttributeJson[] {
  return attrs.map((a) => ({ ...(a.key !== "" ? { key: a.key } : {}), ...(a.value !== "" ? { value: a.value } : {}) }));
}

const nonEmpty = (attrs: readonly Attribute[] | undefined) =>
  attrs && attrs.length > 0 ? { attributes: attributesJson(attrs) } : {};

const value = (n: number) => ({ val: String(n) });

/** go/sdl/resources.go toResources, plus the unit id and endpoints. */
export function resourcesJson(r: ComputeResources | undefined, id: number, endpoints: EndpointJson[]): ResourcesJson {
  const out: ResourcesJson = { id, endpoints };
  if (!r) return out;
  if (r.cpu) out.cpu = { units: value(r.cpu.units), ...nonEmpty(r.cpu.attributes) };
  if (r.memory) out.memory = { size: value(r.memory.size) };
  if (r.storage && r.storage.length > 0) {
    out.storage = r.storage.map((v) => ({ name: v.name, size: value(v.size), ...nonEmpty(v.attributes) }));
  }
  out.gpu = r.gpu ? { units: value(r.gpu.units), ...nonEmpty(r.gpu.attributes) } : { units: value(0) };
  return out;
}

interface GroupBuild {
  spec: GroupSpecJson;
  manifest: ManifestGroup;
  attributes: Attribute[];
  teeType: string;
  /** v2.1: compute profile -> index of its shared resource unit. */
  bound: Map<string, number>;
}

export interface BuiltGroups {
  groups: GroupSpecJson[];
  manifest: ManifestGroup[];
}

export function buildGroups(sdl: ParsedSdl, issues: IssueList): BuiltGroups {
  const seq = endpointSequenceNumbers(sdl);
  const builds = new Map<string, GroupBuild>();
  for (const svcName of sortedKeys(sdl.deployment)) {
    const deployment = sdl.deployment[svcName]!;
    const service = own(sdl.services, svcName);
    for (const placementName of sortedKeys(deployment)) {
      const { profile, count } = deployment[placementName]!;
      const compute = own(sdl.profiles.compute, profile);
      const placement = own(sdl.profiles.placement, placementName);
      const price = placement && own(placement.pricing, profile);
      // Missing references are reported by ./validate; the group cannot be built without them.
      if (!service || !compute || !placement || !price) continue;

      let build = builds.get(placementName);
      if (!build) {
        build = {
          spec: {
            name: placementName,
            requirements: {
              signed_by: { all_of: placement.signedBy.allOf ?? null, any_of: placement.signedBy.anyOf ?? null },
              attributes: null,
            },
            resources: [],
          },
          manifest: { name: placementName, services: [] },
          attributes: [...placement.attributes],
          teeType: "",
          bound: new Map(),
        };
        builds.set(placementName, build);
      }

      const tee = service.params?.tee ?? "";
      if (tee !== "") {
        const teePath = ["services", svcName, "params", "tee"];
        if (!teeTypes.has(tee)) {
          issues.add(teePath, `unsupported tee type "${tee}"`, "use tee: cpu or tee: cpu-gpu");
        } else if (tee === "cpu-gpu" && !((compute.resources?.gpu?.units ?? 0) > 0)) {
          issues.add(teePath, 'tee type "cpu-gpu" requires gpu resources', `add gpu units to compute profile ${profile}, or use tee: cpu`);
        } else if (build.teeType !== "" && build.teeType !== tee) {
          issues.add(teePath, `conflicting tee types in placement group ${placementName}: "${build.teeType}" and "${tee}"`, "use one tee type per placement");
        } else if (build.teeType === "") {
          build.teeType = tee;
          build.attributes.push({ key: "tee/type", value: tee });
          goSort(build.attributes, (a, b) => goStringLess(a.key, b.key));
        }
      }

      const exposes = manifestExposes(service.expose, seq, ["services", svcName, "expose"], issues);
      const endpoints = exposeEndpoints(exposes);
      const units = build.spec.resources;
      const shared = sdl.version === "2.1" ? build.bound.get(profile) : undefined;
      let id: number;
      if (shared === undefined) {
        id = units.length + 1;
        units.push({
          resource: resourcesJson(compute.resources, id, exposeEndpoints(exposes)),
          count,
          price: { denom: price.denom, amount: price.amount },
        });
        build.bound.set(profile, units.length - 1);
      } else {
        const unit = units[shared]!;
        id = unit.resource.id;
        unit.count += count;
        unit.resource.endpoints = sortEndpoints([...unit.resource.endpoints, ...endpoints]);
      }
      const resources = resourcesJson(compute.resources, id, endpoints);
      build.manifest.services.push(manifestService(svcName, service, resources, count, exposes, sdl.version));
    }
  }

  const groups: GroupSpecJson[] = [];
  const manifest: ManifestGroup[] = [];
  for (const name of sortedKeys(Object.fromEntries(builds))) {
    const build = builds.get(name)!;
    build.spec.requirements.attributes = build.attributes.length > 0 ? attributesJson(build.attributes) : null;
    goSort(build.manifest.services, (a, b) => goStringLess(a.name, b.name));
    groups.push(build.spec);
    manifest.push(build.manifest);
  }
  return { groups, manifest };
}
