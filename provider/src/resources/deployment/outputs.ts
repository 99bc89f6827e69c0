// Turning chain state, lease status and the bid selection into the Deployment's JSON-clean outputs.
// Everything here is read from the chain alone (refresh never needs a provider to be reachable), except the
// service endpoints, which come from the providers' lease status at create/update time.
import { Deployment_State } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { Types_State as EscrowState, Lease_State, LeaseClosedReason } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { ChainConnection } from "../../chain/connection";
import { queryDeployment } from "../../chain/deployment/queries";
import { queryLeases } from "../../chain/market/queries";
import { queryProvider } from "../../chain/provider/queries";
import { estimateBlockTime, latestBlock } from "../../chain/blocks";
import { escrowRunway, toDisplayUnits } from "../../chain/escrow/runway";
import { pricePerMonthUsd } from "../../market/price";
import type { GroupSelection } from "../../market/selection";
import type { ReadyLease } from "../../gateway/readiness";
import type { DeploymentOutputs, EscrowOutput, GroupSelectionOutput, LeaseOutput } from "./inputs";
import { round2 } from "./plan";

export interface ChainView {
  /** "active", or "closed" */
  state: string;
  version: string;
  /** the on-chain groups, by gseq */
  groups: Array<{ gseq: number; spec: GroupSpec }>;
  /** active leases */
  leases: LeaseOutput[];
  /** one line per group without an active lease: its closed leases with their reasons, or that it has none */
  lostLeases: string[];
  escrow: EscrowOutput;
  /** why a closed deployment closed, as far as the chain tells */
  closeReason?: string;
}

const reasonName = (r: number) => (LeaseClosedReason[r] ?? String(r)).replace(/^lease_closed_(reason_)?/, "");

/** The deployment as the chain sees it now, or undefined if the chain has no such deployment. */
export async function readChainView(conn: ChainConnection, owner: string, dseq: string): Promise<ChainView | undefined> {
  // The chain's measured block time, not the 6 s default: runway hours must be right on fast chains too.
  const [res, leases, block, blockTimeSeconds] = await Promise.all([
    queryDeployment(conn, owner, dseq),
    queryLeases(conn, { owner, dseq }),
    latestBlock(conn),
    estimateBlockTime(conn),
  ]);
  if (!res?.deployment) return undefined;
  const active = leases.filter((l) => l.lease?.state === Lease_State.active);
  const activeGroups = new Set(active.map((l) => l.lease!.id!.gseq));
  const groups = res.groups.map((g) => ({ gseq: g.id!.gseq, spec: g.groupSpec! })).sort((a, b) => a.gseq - b.gseq);
  // Every group must have an active lease: one that never got one (a create that stopped before leasing) is as
  // lost as one whose lease the provider closed.
  const lostLeases = groups
    .filter((g) => !activeGroups.has(g.gseq))
    .flatMap(({ gseq }) => {
      const closed = leases.filter((l) => l.lease?.id?.gseq === gseq);
      if (closed.length === 0) return [`group ${gseq}: no lease`];
      return closed.map((l) => `group ${gseq}: lease with ${l.lease!.id!.provider} ${Lease_State[l.lease!.state]} (reason: ${reasonName(l.lease!.reason)})`);
    });
  const hostUris = new Map(await Promise.all([...new Set(active.map((l) => l.lease!.id!.provider))].map(async (p) => [p, (await queryProvider(conn, p))?.hostUri ?? ""] as const)));
  const leaseOutputs = active.map(({ lease }): LeaseOutput => {
    const price = lease!.price ?? { denom: "uact", amount: "0" };
    return {
      gseq: lease!.id!.gseq,
      oseq: lease!.id!.oseq,
      provider: lease!.id!.provider,
      hostUri: hostUris.get(lease!.id!.provider) ?? "",
      pricePerBlock: price.amount,
      denom: price.denom,
      pricePerMonthUsd: round2(pricePerMonthUsd(price.amount, price.denom, blockTimeSeconds) ?? 0),
    };
  });
  const account = res.escrowAccount?.state;
  const runway = escrowRunway({
    funds: account?.funds ?? [],
    settledAt: Number(account?.settledAt?.toString() ?? block.height),
    rates: active.map((l) => l.escrowPayment?.state?.rate ?? l.lease!.price ?? { denom: "uact", amount: "0" }),
    height: block.height,
    now: block.time,
    blockTimeSeconds,
  });
  return {
    state: res.deployment.state === Deployment_State.active ? "active" : (Deployment_State[res.deployment.state] ?? "unknown"),
    version: Buffer.from(res.deployment.hash).toString("hex"),
    groups,
    leases: leaseOutputs,
    lostLeases,
    escrow: {
      balance: toDisplayUnits(runway.balance),
      ratePerBlock: toDisplayUnits(runway.ratePerBlock),
      runwayHours: round2(runway.runwayHours ?? 0),
      estimatedCloseTime: runway.estimatedCloseTime?.toISOString() ?? "",
    },
    ...(res.deployment.state === Deployment_State.active
      ? {}
      : { closeReason: account?.state === EscrowState.overdrawn ? "its escrow account ran out of funds (insufficient_funds)" : "it was closed outside this stack" }),
  };
}

export function selectionOutput(selection: readonly GroupSelection[]): GroupSelectionOutput[] {
  return selection.map((g) => ({
    gseq: g.gseq,
    group: g.name ?? String(g.gseq),
    ...(g.chosen ? { chosen: g.chosen.provider } : {}),
    candidates: g.candidates.map((c) => ({
      provider: c.provider,
      ...(c.pricePerMonthUsd !== undefined ? { pricePerMonthUsd: round2(c.pricePerMonthUsd) } : {}),
      ...(c.score !== undefined ? { score: Math.round(c.score * 1000) / 1000 } : {}),
      ...(c.rejected ? { rejected: `${c.rejected.rule}: ${c.rejected.detail}` } : {}),
      chosen: g.chosen?.provider === c.provider && g.chosen?.oseq === c.oseq,
    })),
  }));
}

/** Service endpoints of every ready group, merged by service name. */
export function endpointOutputs(ready: readonly ReadyLease[]): Pick<DeploymentOutputs, "uris" | "forwardedPorts" | "ips"> {
  const out: Pick<DeploymentOutputs, "uris" | "forwardedPorts" | "ips"> = { uris: {}, forwardedPorts: {}, ips: {} };
  for (const r of ready) {
    for (const [name, uris] of Object.entries(r.uris)) out.uris[name] = [...(out.uris[name] ?? []), ...uris];
    for (const [name, ports] of Object.entries(r.forwardedPorts)) {
      out.forwardedPorts[name] = [...(out.forwardedPorts[name] ?? []), ...ports.map((p) => ({ host: p.host, port: p.port, externalPort: p.externalPort, proto: p.proto }))];
    }
    for (const [name, ips] of Object.entries(r.ips)) {
      out.ips[name] = [...(out.ips[name] ?? []), ...ips.map((i) => ({ ip: i.ip, port: i.port, externalPort: i.externalPort, proto: i.protocol }))];
    }
  }
  return out;
}

/** Drops undefined (which would fail the engine's serialization after a paid create) via a JSON round trip. */
export function jsonClean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
