// Bids to leases for a deployment's open groups: wait for bids (quorum inside the bid window, overall
// deadline bidTimeout), probe reachability, select by policy, and create every chosen lease in one tx.
import { msgCreateLease } from "../../chain/market/messages";
import { fetchBids, fetchProviderInfo } from "../../market/chainBids";
import { effectiveBidWindow, type BidPolicy } from "../../market/policy";
import { selectBids, type GroupSelection, type ProviderInfo } from "../../market/selection";
import { waitForBids } from "../../market/waitForBids";
import { probeProviderStatus } from "../../gateway/providerStatus";
import type { Session } from "./session";

export interface LeasedGroup {
  gseq: number;
  oseq: number;
  provider: string;
  hostUri: string;
  price: { denom: string; amount: string };
}

export interface LeasingResult {
  leases: LeasedGroup[];
  selection: GroupSelection[];
}

/** No acceptable bid in time: the message says which rule excluded whom. */
export class NoAcceptableBidsError extends Error {
  constructor(
    message: string,
    readonly selection: GroupSelection[],
  ) {
    super(message);
    this.name = "NoAcceptableBidsError";
  }
}

export interface LeasingRequest {
  dseq: string;
  groups: Array<{ gseq: number; name: string }>;
  policy: BidPolicy;
  bidTimeoutMs: number;
  /** providers that already failed this deployment (failover) */
  exclude?: readonly string[];
  /** only bids on orders from this oseq on (failover: the closed lease's order is over) */
  minOseq?: number;
  pollIntervalMs?: number;
}

/** A LegacyDec price for a log line: 4 significant digits (the exact amount is in the outputs). */
function shortAmount(amount: string): string {
  const n = Number(amount);
  return n >= 1000 ? Math.round(n).toString() : String(Number(n.toPrecision(4)));
}

function explain(selection: readonly GroupSelection[]): string {
  return selection
    .map((g) => {
      const lines = g.candidates.map((c) => `    ${c.provider}: ${c.rejected ? `rejected (${c.rejected.rule}: ${c.rejected.detail})` : `score ${c.score?.toFixed(3)}`}`);
      return [`  group ${g.name ?? g.gseq}: ${g.reason}`, ...(lines.length ? lines : ["    no bids"])].join("\n");
    })
    .join("\n");
}

export async function acquireLeases(session: Session, request: LeasingRequest): Promise<LeasingResult> {
  const { conn, owner, log } = session;
  const policy: BidPolicy = { ...request.policy, denyProviders: [...request.policy.denyProviders, ...(request.exclude ?? [])] };
  const gseqs = request.groups.map((g) => g.gseq);
  const deadline = Date.now() + request.bidTimeoutMs;
  const window = effectiveBidWindow(policy);
  if (window.warning) log(window.warning);
  const probes = new Map<string, Promise<{ ok: boolean; error?: string }>>();
  const probe = (hostUri: string) => {
    if (!probes.has(hostUri)) probes.set(hostUri, probeProviderStatus(hostUri, undefined, session.gatewayLimit));
    return probes.get(hostUri)!;
  };
  // A group has one open order at a time, the newest; the chain leaves some losing bids of an earlier, matched
  // order "open" (it marks only the first loser lost), and leasing one of those fails with "order not open".
  const openBids = async () => {
    const bids = (await fetchBids(conn, owner, request.dseq)).filter((b) => gseqs.includes(b.gseq) && b.oseq >= (request.minOseq ?? 1));
    const newest = new Map<number, number>();
    for (const b of bids) newest.set(b.gseq, Math.max(newest.get(b.gseq) ?? 0, b.oseq));
    return bids.filter((b) => b.state === "open" && b.oseq === newest.get(b.gseq));
  };

  let bids = (
    await waitForBids({
      fetchBids: openBids,
      gseqs,
      minBids: policy.minBids,
      windowMs: Math.min(window.ms, request.bidTimeoutMs),
      pollIntervalMs: request.pollIntervalMs,
      onProgress: (p) => log(p.message),
    })
  ).bids;
  for (;;) {
    const providers: Record<string, ProviderInfo> = await fetchProviderInfo(conn, bids.map((b) => b.provider), policy.reachability ? probe : undefined);
    // Prices per month (and the policy's cap) at the chain's measured block time, as the lease outputs and runway.
    const result = selectBids({ groups: request.groups, bids, providers, policy, blockTimeSeconds: session.blockTimeSeconds });
    if (result.ok) {
      const leases = result.groups.map((g): LeasedGroup => {
        const chosen = g.chosen!;
        return { gseq: g.gseq, oseq: chosen.oseq, provider: chosen.provider, hostUri: providers[chosen.provider].hostUri ?? "", price: chosen.price };
      });
      await session.queue.submit(leases.map((l) => msgCreateLease({ owner, dseq: request.dseq, gseq: l.gseq, oseq: l.oseq, provider: l.provider })));
      for (const [i, l] of leases.entries()) {
        const monthly = result.groups[i].chosen!.pricePerMonthUsd;
        log(`lease created for group ${l.gseq} with ${l.provider} at ${shortAmount(l.price.amount)} ${l.price.denom}/block${monthly === undefined ? "" : ` ($${monthly.toFixed(2)}/month)`}`);
      }
      return { leases, selection: result.groups };
    }
    if (Date.now() >= deadline) {
      // explain() gives each group's reason and candidates; only the cross-group price cap needs a line of its own.
      const total = result.overTotal ? `\n  ${result.overTotal}` : "";
      throw new NoAcceptableBidsError(
        `no acceptable bids within bidTimeout (${Math.round(request.bidTimeoutMs / 1000)} s) for deployment ${request.dseq}:\n${explain(result.groups)}${total}`,
        result.groups,
      );
    }
    await new Promise((r) => setTimeout(r, Math.min(request.pollIntervalMs ?? 2000, Math.max(0, deadline - Date.now()))));
    bids = await openBids();
  }
}
