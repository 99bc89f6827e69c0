/**
 * Group specs between Go's JSON shape (what the SDL compiler builds and users read) and the chain-sdk
 * akash.deployment.v1beta4 GroupSpec codec objects that go into MsgCreateDeployment.groups.
 */
import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { AttributeJson, EndpointJson, ResourcesJson, ResourceValueJson } from "./manifest";
import type { GroupSpecJson } from "./groups";

type ResourceValue = { val: Uint8Array };
type Attr = { key: string; value: string };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const toValue = (v: ResourceValueJson): ResourceValue => ({ val: encoder.encode(v.val) });
const fromValue = (v: ResourceValue | undefined): ResourceValueJson => ({ val: v ? decoder.decode(v.val) : "" });
const toAttrs = (a: AttributeJson[] | null | undefined): Attr[] => (a ?? []).map((x) => ({ key: x.key ?? "", value: x.value ?? "" }));
const fromAttrs = (a: Attr[]): { attributes?: AttributeJson[] } =>
  a.length === 0 ? {} : { attributes: a.map((x) => ({ ...(x.key ? { key: x.key } : {}), ...(x.value ? { value: x.value } : {}) })) };

/** A Go-shaped group spec as a chain-sdk GroupSpec (prices stay LegacyDec text; the codec scales them). */
export function toGroupSpec(g: GroupSpecJson): GroupSpec {
  return GroupSpec.fromPartial({
    name: g.name,
    requirements: {
      signedBy: { allOf: g.requirements.signed_by.all_of ?? [], anyOf: g.requirements.signed_by.any_of ?? [] },
      attributes: toAttrs(g.requirements.attributes),
    },
    resources: g.resources.map((u) => {
      const r = u.resource;
      return {
        resource: {
          id: r.id,
          cpu: r.cpu ? { units: toValue(r.cpu.units), attributes: toAttrs(r.cpu.attributes) } : undefined,
          memory: r.memory ? { quantity: toValue(r.memory.size), attributes: toAttrs(r.memory.attributes) } : undefined,
          storage: (r.storage ?? []).map((v) => ({ name: v.name, quantity: toValue(v.size), attributes: toAttrs(v.attributes) })),
          gpu: r.gpu ? { units: toValue(r.gpu.units), attributes: toAttrs(r.gpu.attributes) } : undefined,
          endpoints: r.endpoints.map((e) => ({ kind: e.kind ?? 0, sequenceNumber: e.sequence_number })),
        },
        count: u.count,
        price: { denom: u.price.denom, amount: u.price.amount },
      };
    }),
  });
}

/** A chain-sdk GroupSpec in Go's readable JSON shape (decimal values, `size`, `sequence_number`). */
export function groupSpecToJson(g: GroupSpec): GroupSpecJson {
  const signedBy = g.requirements?.signedBy;
  const attrs = g.requirements?.attributes ?? [];
  return {
    name: g.name,
    requirements: {
      signed_by: {
        all_of: signedBy?.allOf.length ? signedBy.allOf : null,
        any_of: signedBy?.anyOf.length ? signedBy.anyOf : null,
      },
      attributes: attrs.length ? (fromAttrs(attrs).attributes ?? null) : null,
    },
    resources: g.resources.map((u) => {
      const r = u.resource!;
      const resource: ResourcesJson = {
        id: r.id,
        endpoints: r.endpoints.map((e): EndpointJson => (e.kind ? { kind: e.kind, sequence_number: e.sequenceNumber } : { sequence_number: e.sequenceNumber })),
      };
      if (r.cpu) resource.cpu = { units: fromValue(r.cpu.units), ...fromAttrs(r.cpu.attributes) };
      if (r.memory) resource.memory = { size: fromValue(r.memory.quantity), ...fromAttrs(r.memory.attributes) };
      if (r.storage.length) resource.storage = r.storage.map((v) => ({ name: v.name, size: fromValue(v.quantity), ...fromAttrs(v.attributes) }));
      if (r.gpu) resource.gpu = { units: fromValue(r.gpu.units), ...fromAttrs(r.gpu.attributes) };
      return { resource, count: u.count, price: { denom: u.price?.denom ?? "", amount: u.price?.amount ?? "" } };
    }),
  };
}
