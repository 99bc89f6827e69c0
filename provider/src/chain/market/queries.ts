/** Market module queries (akash.market.v1beta5.Query): bids, leases, params. */
import {
  QueryBidsRequest,
  QueryBidsResponse,
  QueryLeasesRequest,
  QueryLeasesResponse,
  QueryParamsRequest,
  QueryParamsResponse,
  type Params,
  type QueryBidResponse,
  type QueryLeaseResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { ChainConnection, ProtoCodec } from "../connection";
import { allPages, PAGE_LIMIT } from "../pagination";

export interface MarketFilter {
  owner: string;
  dseq: string | bigint;
  gseq?: number;
  oseq?: number;
  provider?: string;
  /** "open" | "active" | "lost" | "closed" (bids); "active" | "insufficient_funds" | "closed" (leases) */
  state?: string;
}

function filters(f: MarketFilter) {
  return { owner: f.owner, dseq: String(f.dseq), gseq: f.gseq ?? 0, oseq: f.oseq ?? 0, provider: f.provider ?? "", state: f.state ?? "" };
}

/** Every page of a market list query filtered by `filter`. */
function listAll<Res extends { pagination?: { nextKey: Uint8Array } }, T>(
  conn: ChainConnection,
  path: string,
  request: ProtoCodec<unknown>,
  response: ProtoCodec<Res>,
  filter: MarketFilter,
  items: (res: Res) => T[],
): Promise<T[]> {
  return allPages(async (key) => {
    const res = await conn.query(path, request, { filters: filters(filter), pagination: { key, limit: PAGE_LIMIT } }, response);
    return { items: items(res), nextKey: res.pagination?.nextKey };
  });
}

/** Every bid on the deployment's orders (each with its bid escrow account). */
export function queryBids(conn: ChainConnection, filter: MarketFilter): Promise<QueryBidResponse[]> {
  return listAll(conn, "/akash.market.v1beta5.Query/Bids", QueryBidsRequest, QueryBidsResponse, filter, (r) => r.bids);
}

/** Every lease of the deployment (each with its escrow payment). */
export function queryLeases(conn: ChainConnection, filter: MarketFilter): Promise<QueryLeaseResponse[]> {
  return listAll(conn, "/akash.market.v1beta5.Query/Leases", QueryLeasesRequest, QueryLeasesResponse, filter, (r) => r.leases);
}

export async function queryMarketParams(conn: ChainConnection): Promise<Params> {
  const res = await conn.query("/akash.market.v1beta5.Query/Params", QueryParamsRequest, {}, QueryParamsResponse);
  if (!res.params) throw new Error("market params missing from the chain's answer");
  return res.params;
}
