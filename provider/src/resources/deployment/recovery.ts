// Crash recovery for create. If the process dies after the deployment tx and before create returns, Pulumi
// never learns the dseq (no init error can be sent), so the next `up` creates again. To find the half-created
// deployment instead of paying for a second one, the dseq carries the resource's stable key: dseq =
// height * 10^6 + hash(key) mod 10^6. Before creating, create sorts the ACTIVE deployments of the wallet with
// those key digits that this process is not creating right now:
// - one with the same on-chain hash (manifest version) and groups is finished (adopt path) instead of a new one;
// - any other one that serves nobody is an orphan of this resource (a crash, then an SDL edit) and is closed, so
//   its deposit comes back: some group has no active lease, or no lease's provider has its manifest (404);
// - the rest are left alone: a serving deployment may belong to another stack whose key shares the digits (a stack
//   never sees the others' state), or be this resource's own in a create-before-delete replacement.
//
// Residual risk (documented in the README): (1) a deliberate replacement with identical inputs
// (`pulumi up --replace`) finds the old deployment, adopts it, and the delete that follows closes it; the next
// refresh notices and the next up recreates it (nothing is leaked or paid twice). Lease-lost replacements
// delete first for that reason. (2) two resources with different keys but the same key digits (1 in 10^6) and the
// same wallet: one's create could finish the other's unfinished deployment (same SDL), or close it while it serves
// nobody (not leased yet, a lease lost, or between its lease and its manifest).
import { createHash } from "node:crypto";
import { Deployment_State } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryDeploymentsRequest, QueryDeploymentsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { ChainConnection } from "../../chain/connection";
import { latestBlock } from "../../chain/blocks";
import { queryDeployment } from "../../chain/deployment/queries";
import { allPages, PAGE_LIMIT } from "../../chain/pagination";
import type { TxQueue } from "../../chain/txQueue";
import { GatewayError } from "../../gateway/https";
import { getLeaseStatus } from "../../gateway/leaseStatus";
import { groupsEqual } from "./diff";
import type { LeaseOutput } from "./inputs";
import { readChainView } from "./outputs";
import type { DeploymentPlan } from "./plan";
import type { Session } from "./session";

export const KEY_SPACE = 1_000_000n;

/** The low digits a resource key gives its dseqs. */
export function keyDigits(key: string): bigint {
  return BigInt(`0x${createHash("sha256").update(key).digest("hex").slice(0, 12)}`) % KEY_SPACE;
}

/** dseq = height * 10^6 + key digits, bumped to a later "height" if this queue already handed it (or more) out. */
export function keyedDseq(queue: Pick<TxQueue, "reserveDseq">, height: number, key: string): string {
  const digits = keyDigits(key);
  const wanted = BigInt(height) * KEY_SPACE + digits;
  const got = BigInt(queue.reserveDseq(Number(wanted)));
  if (got === wanted) return String(got);
  // reserveDseq moved past an earlier dseq of this process: keep the digits one "height" further on.
  return queue.reserveDseq(Number((got / KEY_SPACE + 1n) * KEY_SPACE + digits));
}

export interface KeyedDeployments {
  /** an unfinished deployment of this resource that matches the plan: finish it */
  unfinished?: string;
  /** deployments of this resource that do not match and serve nobody: close them */
  orphans: string[];
  /** deployments with the key digits that do not match but may be serving: left alone */
  serving: string[];
}

/** This resource's active deployments that no create of this process owns, sorted by what create does with them. */
export async function findKeyed(session: Session, key: string, plan: DeploymentPlan): Promise<KeyedDeployments> {
  const { conn, owner } = session;
  const digits = keyDigits(key);
  const active = await allPages(async (pageKey) => {
    const res = await conn.query(
      "/akash.deployment.v1beta4.Query/Deployments",
      QueryDeploymentsRequest,
      { filters: { owner, dseq: "0", state: "active" }, pagination: { key: pageKey, limit: PAGE_LIMIT } },
      QueryDeploymentsResponse,
    );
    return { items: res.deployments, nextKey: res.pagination?.nextKey };
  });
  const result: KeyedDeployments = { orphans: [], serving: [] };
  for (const d of active) {
    const dseq = String(d.deployment?.id?.dseq ?? "0");
    if (d.deployment?.state !== Deployment_State.active || BigInt(dseq) % KEY_SPACE !== digits || session.queue.isCreating(dseq)) continue;
    const matches =
      Buffer.from(d.deployment.hash).toString("hex") === plan.compiled.versionHex &&
      groupsEqual(
        d.groups.map((g) => g.groupSpec!),
        plan.groups,
      );
    if (matches && !result.unfinished) result.unfinished = dseq;
    else (await servesNobody(session, dseq) ? result.orphans : result.serving).push(dseq);
  }
  return result;
}

/** A group without an active lease, or no lease's provider has the manifest; a provider that cannot tell has it. */
async function servesNobody(session: Session, dseq: string): Promise<boolean> {
  const view = await readChainView(session.conn, session.owner, dseq);
  if (!view || view.lostLeases.length > 0) return true;
  const manifests = await Promise.all(view.leases.map((l) => hasManifest(session, dseq, l)));
  return !manifests.includes(true);
}

async function hasManifest(session: Session, dseq: string, lease: LeaseOutput): Promise<boolean> {
  try {
    await getLeaseStatus({ hostUri: lease.hostUri, lease: { dseq, gseq: lease.gseq, oseq: lease.oseq }, auth: await session.auth(), limit: session.gatewayLimit });
    return true;
  } catch (error) {
    // 404: the provider runs nothing for this lease (it never got a manifest)
    return !(error instanceof GatewayError && error.status === 404);
  }
}

/** How many blocks without the deployment show that a tx of unknown fate did not create it. */
const SETTLE_BLOCKS = 3;
/** How long to keep asking a chain that does not answer. */
const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Whether `dseq` exists after its create tx had an unknown outcome (no answer, or not included in time): true as
 * soon as the chain shows it; false once the chain answered "not found" over SETTLE_BLOCKS new blocks (a tx that
 * reached a mempool is included within a block or two, or dropped); undefined if the chain never answered.
 */
export async function settleUnknownCreate(conn: ChainConnection, owner: string, dseq: string, pollIntervalMs: number): Promise<boolean | undefined> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let firstHeight: number | undefined;
  for (;;) {
    try {
      const { height } = await latestBlock(conn);
      firstHeight ??= height;
      if (await queryDeployment(conn, owner, dseq)) return true;
      if (height >= firstHeight + SETTLE_BLOCKS) return false;
    } catch {
      // the endpoint that lost the tx's answer may still be down: keep asking until the deadline
    }
    if (Date.now() >= deadline) return undefined;
    await new Promise((r) => setTimeout(r, pollIntervalMs));
  }
}
