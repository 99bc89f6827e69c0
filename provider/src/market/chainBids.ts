/** Chain data for selection: open bids of a deployment and what is known about each bidder. */
import { Bid_State } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { ChainConnection } from "../chain/connection";
import { queryBids } from "../chain/market/queries";
import { queryAuditedAttributes, queryProvider } from "../chain/provider/queries";
import type { BidInfo, ProviderInfo } from "./selection";

export async function fetchBids(conn: ChainConnection, owner: string, dseq: string | bigint): Promise<BidInfo[]> {
  const bids = await queryBids(conn, { owner, dseq });
  return bids.flatMap(({ bid }) =>
    bid?.id && bid.price
      ? [{ gseq: bid.id.gseq, oseq: bid.id.oseq, provider: bid.id.provider, price: { denom: bid.price.denom, amount: bid.price.amount }, state: Bid_State[bid.state] ?? "invalid" }]
      : [],
  );
}

export interface ReachabilityProbe {
  (hostUri: string): Promise<{ ok: boolean; error?: string }>;
}

/** Registry entry, auditor signatures and (when a probe is given) reachability of each provider, in parallel. */
export async function fetchProviderInfo(conn: ChainConnection, addresses: readonly string[], probe?: ReachabilityProbe): Promise<Record<string, ProviderInfo>> {
  const entries = await Promise.all(
    [...new Set(addresses)].map(async (address): Promise<[string, ProviderInfo] | undefined> => {
      const [provider, audits] = await Promise.all([queryProvider(conn, address), queryAuditedAttributes(conn, address)]);
      if (!provider) return undefined;
      const info: ProviderInfo = {
        hostUri: provider.hostUri,
        attributes: provider.attributes.map((a) => ({ key: a.key, value: a.value })),
        auditedBy: audits.map((a) => a.auditor),
      };
      if (probe) {
        const result = await probe(provider.hostUri);
        info.reachable = result.ok;
        info.reachabilityError = result.error;
      }
      return [address, info];
    }),
  );
  return Object.fromEntries(entries.filter((e): e is [string, ProviderInfo] => e !== undefined));
}
