// The SDL paths that make a deployment's on-chain groups differ from the groups an SDL compiles to. Adopt has
// only the chain's groups to compare with (no earlier SDL text), so the paths come from how the compiler
// builds groups: one group per placement, one resource unit per compute profile of that placement's services.
import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { groupsEqual } from "./diff";
import type { DeploymentPlan } from "./plan";

type Json = Record<string, unknown> | undefined;

/** A group as the chain decodes it (prices "1000.000000000000000000" -> "1000"), as proto JSON to compare fields. */
const canonical = (g: GroupSpec) => GroupSpec.toJSON(GroupSpec.decode(GroupSpec.encode(GroupSpec.fromPartial(g)).finish())) as Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const list = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);
const field = (v: Json, key: string) => v?.[key];

/** One line per differing SDL path (with what differs); empty when the groups are equal. */
export function groupDifferences(onChain: readonly GroupSpec[], plan: DeploymentPlan): string[] {
  const chain = new Map(onChain.map((g) => [g.name, canonical(g)]));
  const out: string[] = [];
  plan.groups.forEach((group, i) => {
    const name = group.name;
    const theirs = chain.get(name);
    chain.delete(name);
    if (!theirs) return out.push(`profiles.placement.${name}: the deployment has no group ${name}`);
    const ours = canonical(group);
    const [reqA, reqB] = [ours.requirements as Json, theirs.requirements as Json];
    if (!same(field(reqA, "signed_by"), field(reqB, "signed_by"))) out.push(`profiles.placement.${name}.signedBy (or bidPolicy.auditedOnly/auditors): the required signers differ`);
    if (!same(field(reqA, "attributes"), field(reqB, "attributes"))) out.push(`profiles.placement.${name}.attributes: the placement attributes differ`);
    const services = plan.compiled.manifest[i]?.services ?? [];
    const [unitsA, unitsB] = [list(ours.resources), list(theirs.resources)];
    for (let u = 0; u < Math.max(unitsA.length, unitsB.length); u++) {
      const svcs = services.filter((s) => s.resources.id === u + 1).map((s) => s.name);
      const profile = svcs.length ? plan.compiled.sdl.deployment[svcs[0]]?.[name]?.profile : undefined;
      const [a, b] = [unitsA[u], unitsB[u]];
      if (!a || !b) {
        out.push(`deployment.*.${name}: group ${name} has ${unitsB.length} resource unit(s) on chain, the SDL ${unitsA.length}`);
        break;
      }
      if (!same(a.count, b.count)) out.push(...svcs.map((s) => `deployment.${s}.${name}.count: ${b.count ?? 0} on chain, ${a.count ?? 0} in the SDL`));
      if (!same(a.price, b.price)) out.push(`profiles.placement.${name}.pricing.${profile}: the price differs`);
      const [resA, resB] = [a.resource as Json, b.resource as Json];
      for (const kind of ["cpu", "memory", "storage", "gpu"]) {
        if (!same(field(resA, kind), field(resB, kind))) out.push(`profiles.compute.${profile}.resources.${kind}: differs`);
      }
      if (!same(field(resA, "endpoints"), field(resB, "endpoints"))) out.push(...svcs.map((s) => `services.${s}.expose: the exposed endpoints differ`));
    }
  });
  for (const name of chain.keys()) out.push(`profiles.placement.${name}: the deployment has a group ${name} that the SDL does not`);
  // Anything the paths above do not cover (e.g. the groups' order) still counts.
  if (out.length === 0 && !groupsEqual(onChain, plan.groups)) out.push("the on-chain groups differ from the SDL's");
  return out;
}
