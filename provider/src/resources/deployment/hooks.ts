// akash.Deployment's dynamic-provider hooks (loaded at call time through a ModuleRef; see ../dynamic.ts).
// check and diff are pure planning (they run in preview, with unknowns); create/update/delete talk to the
// chain and providers; read uses the chain alone so refresh works while a provider is offline.
import type * as pulumi from "@pulumi/pulumi";
import { configureProvider, providerConfig } from "../config";
import { isAtUnknown, withoutUnknowns } from "../hook-support";
import { containsUnknowns, isUnknown } from "../wire";
import { diffDeployment } from "./diff";
import { inputsOf } from "./inputs";
import { closeDeployment, createDeployment, updateDeployment } from "./lifecycle";
import { readChainView } from "./outputs";
import { checkWithoutSdl, planDeployment, PlanError, type DeploymentPlan } from "./plan";
import { openReadConnection, openSession, resourceLog, resourceName } from "./session";

type Props = Record<string, unknown>;

export function configure(provider: object, config: pulumi.dynamic.Config): void {
  configureProvider(provider, config);
}

function plan(provider: object, props: Props): DeploymentPlan {
  return planDeployment(inputsOf(props), providerConfig(provider));
}

export async function check(provider: object, _olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
  // In preview an input may be unknown (e.g. a password from another resource): judge and plan with everything
  // else, so a bad SDL still fails preview and the price estimate shows whenever the SDL is known.
  const { known, unknownPaths } = withoutUnknowns(inputsOf(news));
  try {
    if (isAtUnknown("sdl", unknownPaths)) {
      checkWithoutSdl(known, providerConfig(provider));
      return { inputs: news };
    }
    const p = planDeployment(known, providerConfig(provider));
    for (const warning of p.compiled.warnings) resourceLog(resourceName(news))(warning);
    // Defaults applied to what is known, so the state shows what was used; unknowns stay as they came.
    const defaults = Object.entries(p.inputs).filter(([key]) => !containsUnknowns(news[key]));
    return { inputs: { ...news, ...Object.fromEntries(defaults), estimatedMaxMonthlyUsd: p.estimatedMaxMonthlyUsd } };
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    const failures = error.failures.filter((f) => !isAtUnknown(f.property, unknownPaths));
    return failures.length > 0 ? { failures } : { inputs: news };
  }
}

export async function diff(provider: object, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
  const log = resourceLog(resourceName(olds, id));
  const newInputs = inputsOf(news);
  if (containsUnknowns(newInputs)) {
    // Not knowable before apply; the real diff runs then with known values. Assume the worst for the SDL.
    const sdlUnknown = isUnknown(newInputs.sdl);
    if (sdlUnknown) log("sdl is not known until apply: shown as replace; the apply decides in place vs replace");
    return { changes: true, replaces: sdlUnknown ? ["sdl"] : [] };
  }
  const newPlan = plan(provider, news);
  let oldPlan: DeploymentPlan;
  try {
    oldPlan = plan(provider, olds);
  } catch {
    return { changes: true, replaces: ["sdl"], deleteBeforeReplace: false };
  }
  const state = String(olds.state ?? "active");
  // A lost lease, or a create that failed after the deployment existed (init error), cannot be updated in place.
  const leaseLost = state.startsWith("lease lost") || state === "failed";
  const result = diffDeployment(oldPlan, newPlan, leaseLost ? (state === "failed" ? "the previous create did not finish" : state) : undefined);
  if (result.kind === "replace") {
    log(`replace: ${result.replaceReasons.join("; ")}`);
    // A lease-lost deployment is not serving that group anyway; closing it first also keeps the new create from
    // taking it for an unfinished deployment of this resource (same key, hash and groups; see recovery.ts).
    return { changes: true, replaces: result.changedInputs, deleteBeforeReplace: leaseLost };
  }
  if (result.kind === "update" && oldPlan.compiled.versionHex !== newPlan.compiled.versionHex) log("in-place update: new manifest version, same on-chain groups");
  // A failed update can leave the chain on another hash than the SDL's (refresh records it in `version`): the
  // same SDL is then still an update, which puts the SDL's hash back on chain and resends its manifest.
  const chainVersion = typeof olds.version === "string" ? olds.version : undefined;
  if (result.kind === "none" && chainVersion && chainVersion !== newPlan.compiled.versionHex) {
    log(`the chain holds manifest version ${chainVersion.slice(0, 16)}..., the SDL compiles to ${newPlan.compiled.versionHex.slice(0, 16)}...: in-place update`);
    return { changes: true, replaces: [] };
  }
  return { changes: result.kind !== "none", replaces: [] };
}

export async function create(provider: object, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
  const p = plan(provider, inputs);
  const session = await openSession(provider, resourceLog(resourceName(inputs)), p.inputs.gatewayAuth);
  return createDeployment(session, p, inputs);
}

export async function update(provider: object, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
  const newPlan = plan(provider, news);
  const session = await openSession(provider, resourceLog(resourceName(olds, id)), newPlan.inputs.gatewayAuth);
  return updateDeployment(session, id, plan(provider, olds), newPlan, olds, news);
}

export async function read(provider: object, id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
  const log = resourceLog(resourceName(props, id));
  const owner = String(props.owner ?? "");
  if (!owner) return { id, props };
  const conn = await openReadConnection(provider);
  try {
    const view = await readChainView(conn, owner, id);
    if (!view) {
      log(`no longer exists on chain ${conn.chainId}; it will be created again on the next up`);
      return {};
    }
    if (view.state !== "active") {
      log(`closed on chain: ${view.closeReason ?? "closed"}; it will be created again on the next up`);
      return {};
    }
    const lost = view.lostLeases;
    const state = lost.length ? `lease lost: ${lost.join("; ")}` : "active";
    if (lost.length) log(`${state}; the next up replaces the deployment`);
    return { id, props: { ...props, state, leases: view.leases, escrow: view.escrow, version: view.version } };
  } finally {
    conn.disconnect();
  }
}

export async function delete_(provider: object, id: string, props: Props): Promise<void> {
  const session = await openSession(provider, resourceLog(resourceName(props, id)));
  if (props.owner && props.owner !== session.owner) {
    throw new Error(`deployment ${id} belongs to ${String(props.owner)}, but akash:mnemonic is the key of ${session.owner}; configure the owner's mnemonic to close it`);
  }
  const { closed, refundAct } = await closeDeployment(session, id);
  session.log(closed ? `closed; escrow refund ${refundAct} ACT returned to ${session.owner}` : "already closed on chain; nothing to do");
}

export { delete_ as delete };
