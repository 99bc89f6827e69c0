// Diff rules for akash.Deployment. The chain fixes a deployment's groups at creation; only the manifest hash can
// change in place. So: groups differ -> replace (naming the SDL paths that changed), only the manifest differs
// -> update in place (MsgUpdateDeployment + manifest resend), only policy/timeouts/deposit -> no chain change.
import { parse } from "yaml";
import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { DEPLOYMENT_INPUT_NAMES } from "./inputs";
import type { DeploymentPlan } from "./plan";

export interface DeploymentDiff {
  /** nothing, in-place manifest update, or a new deployment */
  kind: "none" | "update" | "replace";
  /** inputs whose change the engine should show */
  changedInputs: string[];
  /** why a replace is needed: the SDL paths (and lost leases) that force it */
  replaceReasons: string[];
}

/** SDL fields that only the manifest carries; their changes never force a replace. */
const MANIFEST_ONLY = [/^services\.[^.]+\.(image|env|command|args|credentials)(\.|\[|$)/];

/** Paths (a.b[0].c) where two parsed YAML documents differ. */
export function changedPaths(a: unknown, b: unknown, at = ""): string[] {
  if (a === b) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...changedPaths(a[i], b[i], `${at}[${i}]`));
    return out;
  }
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedPaths(a[k], b[k], at ? `${at}.${k}` : k));
  }
  return [at || "(document)"];
}

function groupBytes(groups: readonly GroupSpec[]): string[] {
  return groups.map((g) => Buffer.from(GroupSpec.encode(GroupSpec.fromPartial(g)).finish()).toString("base64"));
}

export function groupsEqual(a: readonly GroupSpec[], b: readonly GroupSpec[]): boolean {
  const x = groupBytes(a);
  const y = groupBytes(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function sdlDocument(text: string): unknown {
  try {
    return parse(text, { merge: true });
  } catch {
    return text;
  }
}

/** Input names whose values differ (JSON comparison of plain values). */
function changedInputNames(olds: Record<string, unknown>, news: Record<string, unknown>, names: readonly string[]): string[] {
  return names.filter((n) => JSON.stringify(olds[n] ?? null) !== JSON.stringify(news[n] ?? null));
}


/**
 * Compares the previous plan (from the old inputs) with the new one. `leaseLost` is set when refresh found a
 * group without an active lease (closed by the provider or out of funds): only a new deployment brings it back.
 */
export function diffDeployment(oldPlan: DeploymentPlan, newPlan: DeploymentPlan, leaseLost?: string): DeploymentDiff {
  const sameGroups = groupsEqual(oldPlan.groups, newPlan.groups);
  const sameManifest = sameGroups && oldPlan.compiled.versionHex === newPlan.compiled.versionHex;
  // SDL text that compiles to the same groups and manifest (formatting, comments, units) changes nothing.
  // resourceKey only matters to a create (crash recovery): a renamed stack keeps its deployments.
  const cosmetic = new Set(["sdlPath", "resourceKey", ...(sameManifest ? ["sdl", "secretEnv"] : [])]);
  const changedInputs = changedInputNames(oldPlan.inputs as Record<string, unknown>, newPlan.inputs as Record<string, unknown>, DEPLOYMENT_INPUT_NAMES).filter(
    (name) => !cosmetic.has(name),
  );
  const replaceReasons: string[] = [];
  if (leaseLost) replaceReasons.push(leaseLost);
  if (!sameGroups) {
    const paths = changedPaths(sdlDocument(oldPlan.inputs.sdl), sdlDocument(newPlan.inputs.sdl)).filter((p) => !MANIFEST_ONLY.some((re) => re.test(p)));
    const policyChanged = changedInputs.includes("bidPolicy");
    replaceReasons.push(
      ...paths.map((p) => `sdl ${p} changed: it is part of the on-chain groups (resources, count, placement, pricing, endpoints)`),
      ...(paths.length === 0 && policyChanged ? ["bidPolicy.auditedOnly/auditors changed the placement's signedBy, which is part of the on-chain groups"] : []),
      ...(paths.length === 0 && !policyChanged ? ["the on-chain groups changed"] : []),
    );
  }
  if (changedInputs.includes("adopt")) replaceReasons.push("adopt changed: a different deployment is managed");
  if (replaceReasons.length) return { kind: "replace", changedInputs: changedInputs.length ? changedInputs : ["sdl"], replaceReasons };
  return { kind: changedInputs.length ? "update" : "none", changedInputs, replaceReasons };
}
