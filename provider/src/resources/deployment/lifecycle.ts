// The Deployment's chain lifecycle: create (deployment -> leases -> manifests -> ready, closing everything if a
// step fails), adopt, in-place update, and close. Nothing paid for is left behind: a failure after the
// deployment exists closes it, and if even that fails the error carries the id so Pulumi keeps tracking it.
import { msgCloseDeployment, msgCreateDeployment, msgUpdateDeployment } from "../../chain/deployment/messages";
import { queryBalance } from "../../chain/bank/queries";
import { latestBlock } from "../../chain/blocks";
import { ChainTxError } from "../../chain/errors";
import type { TxEvent } from "../../chain/txEvents";
import { toDisplayUnits } from "../../chain/escrow/runway";
import type { GroupSelection } from "../../market/selection";
import type { ReadyLease } from "../../gateway/readiness";
import type { DeploymentOutputs } from "./inputs";
import { acquireLeases, type LeasedGroup } from "./leasing";
import { endpointOutputs, jsonClean, readChainView, selectionOutput } from "./outputs";
import type { DeploymentPlan } from "./plan";
import { deliver, rolloutGroup, type RolloutRequest } from "./rollout";
import type { Session } from "./session";
import { findUnfinished, keyedDseq } from "./recovery";

/** Thrown where Pulumi must keep the id: the dynamic host turns it into an init failure (partial state). */
export class InitError extends Error {
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    readonly reasons: string[],
  ) {
    super(reasons.join("; "));
  }
}

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

/** Leases every group and rolls the manifest out; returns what the outputs need. */
async function leaseAndRollOut(session: Session, plan: DeploymentPlan, dseq: string, groups: Array<{ gseq: number; name: string }>, existing: LeasedGroup[] = []) {
  const acquired = groups.length
    ? await acquireLeases(session, { dseq, groups, policy: plan.policy, bidTimeoutMs: plan.inputs.bidTimeout * 1000, pollIntervalMs: session.pollIntervalMs })
    : { leases: [], selection: [] };
  const request = rolloutRequest(session, plan, dseq);
  const rolled = await settleAll([...existing, ...acquired.leases].map((l) => rolloutGroup(session, request, l)));
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
  if (plan.inputs.adopt) return adoptDeployment(session, plan, inputs, plan.inputs.adopt);
  const key = plan.inputs.resourceKey;
  if (key) {
    const unfinished = await findUnfinished(session.conn, session.queue, session.owner, key, plan);
    if (unfinished) {
      session.log(`found deployment ${unfinished}, created for this resource by an earlier run that did not finish; finishing it instead of creating another`);
      return finishOrClose(session, unfinished, () => adoptDeployment(session, plan, inputs, unfinished), inputs);
    }
  }
  await checkDepositFunds(session, plan);
  const height = (await latestBlock(session.conn)).height;
  const dseq = key ? keyedDseq(session.queue, height, key) : session.queue.reserveDseq(height);
  const deposit = { denom: plan.compiled.denom, amount: toMicro(plan.inputs.deposit) };
  const done = session.queue.markCreating(dseq);
  try {
    await session.queue.submit([msgCreateDeployment({ owner: session.owner, dseq, groups: plan.groups, hash: plan.compiled.version, deposit })]);
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

/** Runs the rest of a create for `dseq`; on failure closes the deployment, or hands the id to Pulumi if it cannot. */
async function finishOrClose<T>(session: Session, dseq: string, finish: () => Promise<T>, inputs: Record<string, unknown>): Promise<T> {
  try {
    return await finish();
  } catch (error) {
    const reason = (error as Error).message;
    try {
      const { refundAct } = await closeDeployment(session, dseq);
      session.log(`deployment ${dseq} closed after the failure; escrow refund ${refundAct} ACT`);
    } catch (closeError) {
      throw new InitError(dseq, { ...inputs, dseq, owner: session.owner, state: "failed" }, [
        reason,
        `closing deployment ${dseq} also failed (${(closeError as Error).message}); it stays in the stack so the next up or destroy handles it`,
      ]);
    }
    throw new Error(`${reason}\ndeployment ${dseq} was closed and its deposit refunded; nothing is left running`);
  }
}

/** Takes over an existing deployment of this wallet: its groups must match the SDL; a different manifest is updated in place. */
async function adoptDeployment(session: Session, plan: DeploymentPlan, inputs: Record<string, unknown>, dseq: string) {
  const view = await readChainView(session.conn, session.owner, dseq);
  if (!view) throw new Error(`adopt: wallet ${session.owner} has no deployment ${dseq} on ${session.config.chainId}`);
  if (view.state !== "active") throw new Error(`adopt: deployment ${dseq} is ${view.state}${view.closeReason ? ` (${view.closeReason})` : ""}; remove adopt to create a new one`);
  if (view.version !== plan.compiled.versionHex) {
    await session.queue.submit([msgUpdateDeployment({ owner: session.owner, dseq, hash: plan.compiled.version })]);
    session.log(`adopt: deployment ${dseq} had another manifest version; updated to ${plan.compiled.versionHex}`);
  }
  const leased = new Set(view.leases.map((l) => l.gseq));
  const missing = plan.groups.map((g, i) => ({ gseq: i + 1, name: g.name })).filter((g) => !leased.has(g.gseq));
  const existing = view.leases.map((l) => ({ gseq: l.gseq, oseq: l.oseq, provider: l.provider, hostUri: l.hostUri, price: { denom: l.denom, amount: l.pricePerBlock } }));
  const { ready, selection } = await leaseAndRollOut(session, plan, dseq, missing, existing);
  session.log(`adopted deployment ${dseq}`);
  return { id: dseq, outs: { ...inputs, ...(await outputsFor(session, plan, dseq, ready, selection)) } };
}

/** In place: a new manifest version goes on chain, then to every lease's provider; settings-only changes touch nothing. */
export async function updateDeployment(session: Session, dseq: string, oldPlan: DeploymentPlan, plan: DeploymentPlan, olds: Record<string, unknown>, inputs: Record<string, unknown>) {
  if (plan.inputs.deposit !== oldPlan.inputs.deposit) session.log("deposit only applies when a deployment is created; use akash.Escrow to top up a running one");
  if (oldPlan.compiled.versionHex === plan.compiled.versionHex) return { outs: { ...olds, ...inputs } };
  const view = await readChainView(session.conn, session.owner, dseq);
  if (!view || view.state !== "active") throw new Error(`deployment ${dseq} is not active on chain; run pulumi refresh, then up recreates it`);
  await session.queue.submit([msgUpdateDeployment({ owner: session.owner, dseq, hash: plan.compiled.version })]);
  session.log(`deployment ${dseq} updated to manifest version ${plan.compiled.versionHex}; sending it to ${view.leases.length} provider(s)`);
  const request = rolloutRequest(session, plan, dseq);
  const ready = await settleAll(
    view.leases.map((l) => deliver(session, request, { gseq: l.gseq, oseq: l.oseq, provider: l.provider, hostUri: l.hostUri, price: { denom: l.denom, amount: l.pricePerBlock } })),
  );
  const selection = (olds.selection ?? []) as DeploymentOutputs["selection"];
  const outs = await outputsFor(session, plan, dseq, ready, []);
  return { outs: { ...olds, ...inputs, ...outs, selection } };
}
