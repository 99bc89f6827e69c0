// What the chain says about a deployment's escrow right now: open with a runway estimate, or closed/missing.
// akash.v1 names the escrow account state enum Types_State (escrow.types.v1.State).
import { Deployment_State, Types_State as EscrowState } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { ChainConnection } from "../../chain/connection";
import { estimateBlockTime, latestBlock } from "../../chain/blocks";
import { queryDeployment } from "../../chain/deployment/queries";
import { queryLeases } from "../../chain/market/queries";
import { escrowRunway, type EscrowRunway } from "../../chain/escrow/runway";

export type EscrowSnapshot =
  | { open: true; runway: EscrowRunway; blockTimeSeconds: number }
  | { open: false; reason: string };

export async function escrowSnapshot(conn: ChainConnection, owner: string, dseq: string): Promise<EscrowSnapshot> {
  const found = await queryDeployment(conn, owner, dseq);
  if (!found?.deployment) return { open: false, reason: `deployment ${dseq} of ${owner} does not exist` };
  const account = found.escrowAccount?.state;
  if (found.deployment.state === Deployment_State.closed || !account || account.state === EscrowState.closed) {
    return { open: false, reason: `deployment ${dseq} is closed (its escrow was refunded when it closed)` };
  }
  const [leases, block, blockTimeSeconds] = await Promise.all([
    queryLeases(conn, { owner, dseq, state: "active" }),
    latestBlock(conn),
    estimateBlockTime(conn),
  ]);
  const rates = leases.flatMap((l) => (l.lease?.price ? [l.lease.price] : []));
  const runway = escrowRunway({
    funds: account.funds,
    settledAt: Number(account.settledAt),
    rates,
    height: block.height,
    now: block.time,
    blockTimeSeconds,
  });
  return { open: true, runway, blockTimeSeconds };
}
