// Crash recovery for create. If the process dies after the deployment tx and before create returns, Pulumi
// never learns the dseq (no init error can be sent), so the next `up` creates again. To find the half-created
// deployment instead of paying for a second one, the dseq carries the resource's stable key: dseq =
// height * 10^6 + hash(key) mod 10^6. Before creating, create looks for an ACTIVE deployment of the wallet with
// those key digits, the same on-chain hash (manifest version) and the same groups, not being created by this
// process right now; if there is one it finishes it (adopt path) rather than creating another.
//
// Residual risk (documented in the README): (1) a deliberate replacement with identical inputs
// (`pulumi up --replace`) finds the old deployment, adopts it, and the delete that follows closes it; the next
// refresh notices and the next up recreates it (nothing is leaked or paid twice). Lease-lost replacements
// delete first for that reason. (2) two resources with different keys but the same key digits (1 in 10^6), the
// same SDL and the same wallet could adopt each other's unfinished deployment.
import { createHash } from "node:crypto";
import { Deployment_State } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryDeploymentsRequest, QueryDeploymentsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { ChainConnection } from "../../chain/connection";
import { allPages, PAGE_LIMIT } from "../../chain/pagination";
import type { TxQueue } from "../../chain/txQueue";
import { groupsEqual } from "./diff";
import type { DeploymentPlan } from "./plan";

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

/** The dseq of an unfinished deployment this resource created before a crash, if any. */
export async function findUnfinished(conn: ChainConnection, queue: Pick<TxQueue, "isCreating">, owner: string, key: string, plan: DeploymentPlan): Promise<string | undefined> {
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
  const match = active.find((d) => {
    const dseq = String(d.deployment?.id?.dseq ?? "0");
    return (
      d.deployment?.state === Deployment_State.active &&
      BigInt(dseq) % KEY_SPACE === digits &&
      !queue.isCreating(dseq) &&
      Buffer.from(d.deployment.hash).toString("hex") === plan.compiled.versionHex &&
      groupsEqual(
        d.groups.map((g) => g.groupSpec!),
        plan.groups,
      )
    );
  });
  return match ? String(match.deployment!.id!.dseq) : undefined;
}
