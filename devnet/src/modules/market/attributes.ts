import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { resourceValue } from "../deployment/groupspec";

/**
 * Placement matching (chain-sdk go/node/types/attributes/v1/attribute.go and deployment/v1beta4/groupspec.go):
 * a required attribute matches a provider attribute when its key, as a Go `filepath.Match` glob, matches the
 * provider's key and the values are equal.
 */
export interface Attr {
  key: string;
  value: string;
}
export interface AuditedAttrs {
  auditor: string;
  attributes: Attr[];
}

/** Go filepath.Match on '/'-separated keys: '*' and '?' never cross '/', '[...]' classes, '\\' escapes. */
export function globMatch(pattern: string, name: string): boolean {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "\\" && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) return false;
      const body = pattern.slice(i + 1, end).replace(/\\/g, "\\\\");
      re += `[${body.startsWith("^") ? `^${body.slice(1)}` : body}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\]\\]/g, "\\$&");
  }
  try {
    return new RegExp(`${re}$`).test(name);
  } catch {
    return false;
  }
}

const attrSubsetOf = (req: Attr, attr: Attr) => globMatch(req.key, attr.key) && req.value === attr.value;

export function attributesSubsetOf(required: Attr[], available: Attr[]): boolean {
  return required.every((req) => available.some((a) => attrSubsetOf(req, a)));
}

function attributesAnyOf(required: Attr[], available: Attr[]): boolean {
  return required.some((req) => available.some((a) => attrSubsetOf(req, a)));
}

/** GroupSpec.MatchRequirements: plain provider attributes, or the attributes signed by the required auditors. */
export function matchRequirements(spec: GroupSpec, providerAttrs: Attr[], audited: AuditedAttrs[]): boolean {
  const required = spec.requirements?.attributes ?? [];
  const allOf = spec.requirements?.signedBy?.allOf ?? [];
  const anyOf = spec.requirements?.signedBy?.anyOf ?? [];
  if (allOf.length === 0 && anyOf.length === 0) return attributesSubsetOf(required, providerAttrs);
  if (audited.length === 0) return false;
  const byAuditor = new Map(audited.map((a) => [a.auditor, a.attributes]));
  for (const auditor of allOf) {
    const signed = byAuditor.get(auditor);
    if (!signed || !attributesSubsetOf(required, signed)) return false;
  }
  if (anyOf.length > 0) {
    return anyOf.some((auditor) => {
      const signed = byAuditor.get(auditor);
      return signed !== undefined && attributesSubsetOf(required, signed);
    });
  }
  return true;
}

/** `capabilities/<prefix>/<group>/<key>` attributes grouped by <group>. */
function capabilitiesGroups(attrs: Attr[], prefix: string): Attr[][] {
  const groups = new Map<string, Attr[]>();
  for (const a of attrs) {
    if (!a.key.startsWith(`capabilities/${prefix}`)) continue;
    const tokens = a.key.slice("capabilities/".length).split("/");
    if (tokens.length !== 3) continue;
    groups.set(tokens[1], [...(groups.get(tokens[1]) ?? []), { key: tokens[2], value: a.value }]);
  }
  return [...groups.values()];
}

/** All `capabilities/<prefix>/...` attributes as one group, keyed by the path after the prefix. */
function capabilitiesMap(attrs: Attr[], prefix: string): Attr[] {
  return attrs
    .filter((a) => a.key.startsWith(`capabilities/${prefix}`))
    .map((a) => ({ tokens: a.key.slice("capabilities/".length).split("/"), value: a.value }))
    .filter(({ tokens }) => tokens.length >= 3)
    .map(({ tokens, value }) => ({ key: tokens.slice(1).join("/"), value }));
}

/** GroupSpec.MatchResourcesRequirements: storage classes and GPU models the provider advertises. */
export function matchResourcesRequirements(spec: GroupSpec, providerAttrs: Attr[]): boolean {
  for (const unit of spec.resources) {
    const storageGroups = capabilitiesGroups(providerAttrs, "storage");
    for (const storage of unit.resource?.storage ?? []) {
      if (storage.attributes.length === 0) continue;
      if (!storageGroups.some((g) => attributesSubsetOf(storage.attributes, g))) return false;
    }
    const gpu = unit.resource?.gpu;
    if (gpu && resourceValue(gpu.units) > 0n) {
      // Go `continue`s the unit loop here when the GPU has no attributes.
      if (gpu.attributes.length === 0) continue;
      if (!attributesAnyOf(gpu.attributes, capabilitiesMap(providerAttrs, "gpu"))) return false;
    }
  }
  return true;
}
