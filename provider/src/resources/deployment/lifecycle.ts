// The Deployment's chain lifecycle: create (deployment -> leases -> manifests -> ready, closing everything if a
// step fails), adopt, in-place update, and close. Nothing paid for is left behind: a failure after the
// deployment exists (or may exist: a tx without a clear answer) closes it, and if even that fails the error
// carries the id so Pulumi keeps tracking it.
import { msgCloseDeployment, msgCreateDeployment, msgUpdateDeployment } from "../../chain/deployment/messages";
import { queryBalance } from "../../chain/bank/queries";
import { latestBlock } from "../../chain/blocks";
import { ChainTxError } from "../../chain/errors";
import type { TxEvent } from "../../chain/txEvents";
import { toDisplayUnits } from "../../chain/escrow/runway";
import type { GroupSelection } from "../../market/selection";
import type { ReadyLease } from "../../gateway/readiness";
import type { DeploymentOutputs, LeaseOutput } from "./inputs";
import { acquireLeases, type LeasedGroup } from "./leasing";
import { endpointOutputs, jsonClean, readChainView, selectionOutput } from "./outputs";
import type { DeploymentPlan } from "./plan";
import { groupDifferences } from "./groupPaths";
import { deliver, rolloutGroup, type RolledOutGroup, type RolloutRequest } from "./rollout";
import type { Session } from "./session";
import { findKeyed, keyedDseq, settleUnknownCreate, type KeyedDeployments } from "./recovery";
import { InitError } from "../hook-support";

const toMicro = (act: number) => String(Math.round(act * 1_000_000));

function rolloutRequest(session: Session, plan: DeploymentPlan, dseq: string): RolloutRequest {
  const services: Record<number, string[]> = {};
  const groupNames: Record<number, string> = {};
  plan.compiled.manifest.forEach((g, i) => {
    services[i + 1] = g.services.map((s) => s.name);
    groupNames[i + 1] = g.name;
  });
  return {
    dseq,
    manifestJson: plan.compiled.manifestJson,
    services,
    groupNames,
    readyTimeoutMs: plan.inputs.readyTimeout * 1000,
    policy: plan.policy,
    bidTimeoutMs: plan.inputs.bidTimeout * 1000,
    pollIntervalMs: session.pollIntervalMs,
  };
}

async function settleAll<T>(work: Array<Promise<T>>): Promise<T[]> {
  const results = await Promise.allSettled(work);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

async function outputsFor(session: Session, plan: DeploymentPlan, dseq: string, ready: readonly ReadyLease[], selection: readonly GroupSelection[]): Promise<DeploymentOutputs> {
  const view = await readChainView(session.conn, session.owner, dseq);
  if (!view) throw new Error(`deployment ${dseq} vanished from the chain`);
  return jsonClean({
    dseq,
    owner: session.owner,
    version: view.version,
    state: view.state,
    leases: view.leases,
    ...endpointOutputs(ready),
    selection: selectionOutput(selection),
    escrow: view.escrow,
    estimatedMaxMonthlyUsd: plan.estimatedMaxMonthlyUsd,
  });
}

/** Refuses before any tx when the wallet cannot pay the deposit, saying how much ACT is missing. */
async function checkDepositFunds(session: Session, plan: DeploymentPlan): Promise<void> {
  const denom = plan.compiled.denom;
  const have = BigInt(await queryBalance(session.conn, session.owner, denom));
  const need = BigInt(toMicro(plan.inputs.deposit));
  if (have >= need) return;
  const missing = toDisplayUnits((need - have).toString());
  throw new Error(
    `wallet ${session.owner} holds ${toDisplayUnits(have.toString())} ACT but the deposit is ${plan.inputs.deposit} ACT: ${missing} ACT missing. ` +
      `Mint ACT by burning AKT (akash.Wallet with minAct, or MsgMintACT; mints run every few blocks and need at least 10 ACT), or lower deposit.`,
  );
}

/** A lease as rollout takes it. */
const leasedGroup = (l: LeaseOutput): LeasedGroup => ({ gseq: l.gseq, oseq: l.oseq, provider: l.provider, hostUri: l.hostUri, price: { denom: l.denom, amount: l.pricePerBlock } });

/**
 * Leases `groups` and rolls the manifest out to them and to the `existing` leases; returns what the outputs need.
 * A failing existing lease fails over like a new one only with `failOverExisting` (never for an adopted deployment).
 */
async function leaseAndRollOut(session: Session, plan: DeploymentPlan, dseq: string, groups: Array<{ gseq: number; name: string }>, existing: LeasedGroup[] = [], failOverExisting = true) {
  const acquired = groups.length
    ? await acquireLeases(session, { dseq, groups, policy: plan.policy, bidTimeoutMs: plan.inputs.bidTimeout * 1000, pollIntervalMs: session.pollIntervalMs })
    : { leases: [], selection: [] };
  const request = rolloutRequest(session, plan, dseq);
  const failOver = (l: LeasedGroup): Promise<Pick<RolledOutGroup, "lease" | "ready" | "selection">> => rolloutGroup(session, request, l);
  const keep = async (l: LeasedGroup) => ({ lease: l, ready: await deliver(session, request, l), selection: undefined });
  const rolled = await settleAll([...existing.map(failOverExisting ? failOver : keep), ...acquired.leases.map(failOver)]);
  const selection = acquired.selection.map((g) => rolled.find((r) => r.lease.gseq === g.gseq)?.selection ?? g);
  return { ready: rolled.map((r) => r.ready), selection };
}

/** Closes a deployment; true if closed now, false if it was already closed or never existed. */
export async function closeDeployment(session: Session, dseq: string): Promise<{ closed: boolean; refundAct: number }> {
  try {
    const result = await session.queue.submit([msgCloseDeployment({ owner: session.owner, dseq })]);
    return { closed: true, refundAct: refundFrom(result.events, session.owner, "uact") };
  } catch (error) {
    // deployment code 4 not found / 5 closed: already gone is success.
    if (error instanceof ChainTxError && error.codespace === "deployment" && (error.code === 4 || error.code === 5)) return { closed: false, refundAct: 0 };
    throw error;
  }
}

/** ACT the escrow sent back to `owner` in a close tx (its coin_received events). */
export function refundFrom(events: readonly TxEvent[], owner: string, denom: string): number {
  let micro = 0n;
  for (const e of events) {
    if (e.type !== "coin_received") continue;
    const attr = (k: string) => e.attributes.find((a) => a.key === k)?.value;
    if (attr("receiver") !== owner) continue;
    for (const coin of (attr("amount") ?? "").split(",")) {
      const m = /^(\d+)(.+)$/.exec(coin.trim());
      if (m && m[2] === denom) micro += BigInt(m[1]);
    }
  }
  return toDisplayUnits(micro.toString());
}

export async function createDeployment(session: Session, plan: DeploymentPlan, inputs: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }> {
  if (plan.inputs.adopt) return adoptDeployment(session, plan, inputs, plan.inputs.adopt, false);
  const key = plan.inputs.resourceKey;
  if (key) {
    const keyed = await findKeyed(session, key, plan);
    await closeOrphans(session, keyed);
    const unfinished = keyed.unfinished;
    if (unfinished) {
      session.log(`found deployment ${unfinished}, created for this resource by an earlier run that did not finish; finishing it instead of creating another`);
      return finishOrClose(session, unfinished, () => adoptDeployment(session, plan, inputs, unfinished, true), inputs);
    }
  }
  await checkDepositFunds(session, plan);
  const height = (await latestBlock(session.conn)).height;
  const dseq = key ? keyedDseq(session.queue, height, key) : session.queue.reserveDseq(height);
  const done = session.queue.markCreating(dseq);
  try {
    await submitCreate(session, plan, dseq, inputs);
    session.log(`deployment ${dseq} created (deposit ${plan.inputs.deposit} ACT, at most $${plan.estimatedMaxMonthlyUsd}/month by its pricing)`);
    return await finishOrClose(
      session,
      dseq,
      async () => {
        const groups = plan.groups.map((g, i) => ({ gseq: i + 1, name: g.name }));
        const { ready, selection } = await leaseAndRollOut(session, plan, dseq, groups);
        return { id: dseq, outs: { ...inputs, ...(await outputsFor(session, plan, dseq, ready, selection)) } };
      },
      inputs,
    );
  } finally {
    done();
  }
}

/** Closes this resource's orphans (see recovery.ts) and says which deployments with its key digits it leaves alone. */
async function closeOrphans(session: Session, keyed: KeyedDeployments): Promise<void> {
  for (const dseq of keyed.serving) {
    session.log(`deployment ${dseq} carries this resource's key digits but another SDL and is serving: left alone (it may be another stack's, see the README's crash recovery)`);
  }
  await Promise.all(
    keyed.orphans.map(async (dseq) => {
      const { refundAct } = await closeDeployment(session, dseq);
      session.log(`closed orphan deployment ${dseq}: an earlier run created it for this resource and did not finish, its SDL no longer matches and it serves nobody; escrow refund ${refundAct} ACT`);
    }),
  );
}

/**
 * MsgCreateDeployment. A chain rejection created nothing; any other failure (no answer, not included in time) may
 * have created it, so the chain is asked: an existing one is closed, and when the chain cannot tell, the id goes to
 * Pulumi so refresh, the next up or destroy settles it.
 */
async function submitCreate(session: Session, plan: DeploymentPlan, dseq: string, inputs: Record<string, unknown>): Promise<void> {
  const deposit = { denom: plan.compiled.denom, amount: toMicro(plan.inputs.deposit) };
  try {
    await session.queue.submit([msgCreateDeployment({ owner: session.owner, dseq, groups: plan.groups, hash: plan.compiled.version, deposit })]);
  } catch (error) {
    if (error instanceof ChainTxError) throw error;
    const reason = `the tx creating deployment ${dseq} got no clear answer (${(error as Error).message})`;
    const exists = await settleUnknownCreate(session.conn, session.owner, dseq, session.pollIntervalMs);
    if (exists) {
      session.log(`deployment ${dseq} exists although its tx reported no success; closing it`);
      return closeAfterFailure(session, dseq, reason, inputs);
    }
    // Should the tx still land, the next create of this resource closes it by its key digits (recovery.ts).
    if (exists === false && plan.inputs.resourceKey) throw new Error(`${reason}; deployment ${dseq} is not on chain, so nothing was paid`);
    throw new InitError(dseq, failedProperties(session, dseq, inputs), [reason, `deployment ${dseq} may still appear on chain; it stays in the stack so refresh, the next up or destroy settles it`]);
  }
}

const failedProperties = (session: Session, dseq: string, inputs: Record<string, unknown>) => ({ ...inputs, dseq, owner: session.owner, state: "failed" });

/** Runs the rest of a create for `dseq`; on failure closes the deployment, or hands the id to Pulumi if it cannot. */
async function finishOrClose<T>(session: Session, dseq: string, finish: () => Promise<T>, inputs: Record<string, unknown>): Promise<T> {
  try {
    return await finish();
  } catch (error) {
    return closeAfterFailure(session, dseq, (error as Error).message, inputs);
  }
}

/** Closes a deployment whose create failed (the deposit comes back), or throws the init error carrying its id. */
async function closeAfterFailure(session: Session, dseq: string, reason: string, inputs: Record<string, unknown>): Promise<never> {
  try {
    const { refundAct } = await closeDeployment(session, dseq);
    session.log(`deployment ${dseq} closed after the failure; escrow refund ${refundAct} ACT`);
  } catch (closeError) {
    throw new InitError(dseq, failedProperties(session, dseq, inputs), [
      reason,
      `closing deployment ${dseq} also failed (${(closeError as Error).message}); it stays in the stack so the next up or destroy handles it`,
    ]);
  }
  throw new Error(`${reason}\ndeployment ${dseq} was closed and its deposit refunded; nothing is left running`);
}

/**
 * Takes over an active deployment of this wallet. Its on-chain groups must equal the SDL's (the chain never
 * changes them), checked before any tx; a different manifest version is updated in place, every lease gets the
 * manifest, and a group without an active lease is leased as a create would. `failOverExisting`: whether a
 * failing lease it already has may be closed and replaced (our own unfinished create), never for a user's adopt.
 */
async function adoptDeployment(session: Session, plan: DeploymentPlan, inputs: Record<string, unknown>, dseq: string, failOverExisting: boolean) {
  const view = await readChainView(session.conn, session.owner, dseq);
  if (!view) throw new Error(`adopt: wallet ${session.owner} has no deployment ${dseq} on ${session.config.chainId} (only deployments of the configured wallet can be adopted)`);
  if (view.state !== "active") throw new Error(`adopt: deployment ${dseq} is ${view.state}${view.closeReason ? ` (${view.closeReason})` : ""}; remove adopt to create a new one`);
  const differences = groupDifferences(view.groups.map((g) => g.spec), plan);
  if (differences.length) {
    throw new Error(
      `adopt: deployment ${dseq} was created with other on-chain groups than this SDL compiles to, and the chain never changes a deployment's groups:\n` +
        differences.map((d) => `  ${d}\n`).join("") +
        `Adopt it with the SDL it was created with, then change the SDL in a later up (a group change replaces the deployment). Nothing was sent.`,
    );
  }
  if (view.version !== plan.compiled.versionHex) {
    await session.queue.submit([msgUpdateDeployment({ owner: session.owner, dseq, hash: plan.compiled.version })]);
    session.log(`adopt: deployment ${dseq} had another manifest version; updated to ${plan.compiled.versionHex}`);
  }
  const leased = new Set(view.leases.map((l) => l.gseq));
  const missing = view.groups.filter((g) => !leased.has(g.gseq)).map((g) => ({ gseq: g.gseq, name: g.spec.name }));
  const { ready, selection } = await leaseAndRollOut(session, plan, dseq, missing, view.leases.map(leasedGroup), failOverExisting);
  session.log(`adopted deployment ${dseq}`);
  return { id: dseq, outs: { ...inputs, ...(await outputsFor(session, plan, dseq, ready, selection)) } };
}

/**
 * In place: a new manifest version goes on chain, then to every lease's provider; settings-only changes touch
 * nothing. The version the chain already has decides whether MsgUpdateDeployment is sent (the chain rejects an
 * unchanged hash), so an update that failed after it can run again.
 */
export async function updateDeployment(session: Session, dseq: string, oldPlan: DeploymentPlan, plan: DeploymentPlan, olds: Record<string, unknown>, inputs: Record<string, unknown>) {
  if (plan.inputs.deposit !== oldPlan.inputs.deposit) session.log("deposit only applies when a deployment is created; use akash.Escrow to top up a running one");
  // A failed update records the old SDL with the version the chain then had: reverting the SDL must still update.
  const recorded = typeof olds.version === "string" ? olds.version : oldPlan.compiled.versionHex;
  if (oldPlan.compiled.versionHex === plan.compiled.versionHex && recorded === plan.compiled.versionHex) return { outs: { ...olds, ...inputs } };
  const view = await readChainView(session.conn, session.owner, dseq);
  if (!view || view.state !== "active") throw new Error(`deployment ${dseq} is not active on chain; run pulumi refresh, then up recreates it`);
  try {
    const sending = `sending it to ${view.leases.length} provider(s)`;
    if (view.version === plan.compiled.versionHex) {
      session.log(`deployment ${dseq} is already at manifest version ${plan.compiled.versionHex} on chain (an earlier update did not finish); ${sending}`);
    } else {
      await session.queue.submit([msgUpdateDeployment({ owner: session.owner, dseq, hash: plan.compiled.version })]);
      session.log(`deployment ${dseq} updated to manifest version ${plan.compiled.versionHex}; ${sending}`);
    }
    const request = rolloutRequest(session, plan, dseq);
    const ready = await settleAll(view.leases.map((l) => deliver(session, request, leasedGroup(l))));
    const selection = (olds.selection ?? []) as DeploymentOutputs["selection"];
    const outs = await outputsFor(session, plan, dseq, ready, []);
    return { outs: { ...olds, ...inputs, ...outs, selection } };
  } catch (error) {
    // The chain rejected MsgUpdateDeployment: nothing changed, and Pulumi keeps the old state as it is.
    if (error instanceof ChainTxError) throw error;
    throw await updateFailure(session, dseq, olds, (error as Error).message);
  }
}

/**
 * A failed update as a partial failure: the state keeps the old inputs, so the next up runs the update again (the
 * engine retries a resource with init errors even without a diff), and the version the chain has now.
 */
async function updateFailure(session: Session, dseq: string, olds: Record<string, unknown>, reason: string): Promise<InitError> {
  const version = (await readChainView(session.conn, session.owner, dseq).catch(() => undefined))?.version ?? olds.version;
  return new InitError(dseq, { ...olds, version }, [reason, `deployment ${dseq} is at manifest version ${String(version)} on chain; the next up sends the manifest again`]);
}
