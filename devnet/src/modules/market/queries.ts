import {
  QueryBidRequest,
  QueryBidResponse,
  QueryBidsRequest,
  QueryBidsResponse,
  QueryLeaseRequest,
  QueryLeaseResponse,
  QueryLeasesRequest,
  QueryLeasesResponse,
  QueryOrderRequest,
  QueryOrderResponse,
  QueryOrdersRequest,
  QueryOrdersResponse,
  QueryParamsRequest,
  QueryParamsResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { Context, QueryHandler } from "../../chain/types";
import { accountToProto, paymentToProto } from "../escrow/convert";
import { escrowErrors } from "../escrow/errors";
import type { EscrowKeeper } from "../escrow/keeper";
import { invalidArgument, queryNotFound } from "../market-common/errors";
import { bidRef, orderRef } from "../market-common/id-validation";
import { type BidIdRef, isAccAddress, u64 } from "../market-common/ids";
import type { Page } from "../market-common/pagination";
import { type IndexedTable, listQuery } from "../market-common/table";
import { bidToProto, leaseToProto, orderToProto } from "./convert";
import { marketErrors } from "./errors";
import { type BidRecord, type LeaseRecord, type MarketKeeper, bidAccountId, leasePaymentId } from "./keeper";

/** akash.market.v1beta5.Query (node x/market/keeper/grpc_query.go). */
const ORDER_STATES = ["open", "active", "closed"] as const;
const BID_STATES = ["open", "active", "lost", "closed"] as const;
const LEASE_STATES = ["active", "insufficient_funds", "closed"] as const;

interface IdFilters {
  owner?: string;
  dseq?: { toString(): string };
  gseq?: number;
  oseq?: number;
  provider?: string;
  bseq?: number;
}

/** The Filters.Accept of orders, bids and leases: every non-zero filter field must match. */
type BidIdRefLike = Partial<BidIdRef> & { owner: string; dseq: string };

function acceptIds<V extends BidIdRefLike>(f: IdFilters | undefined) {
  const dseq = u64(f?.dseq);
  return (v: V) =>
    (!f?.owner || v.owner === f.owner) &&
    (dseq === "0" || v.dseq === dseq) &&
    (!f?.gseq || v.gseq === f.gseq) &&
    (!f?.oseq || v.oseq === f.oseq) &&
    (!f?.provider || v.provider === f.provider) &&
    (!f?.bseq || v.bseq === f.bseq);
}

const pageJson = <T>(page: Page<T>) => ({ nextKey: page.nextKey, total: page.total.toString() });

interface ListRequest {
  filters?: IdFilters & { state?: string };
  pagination?: Parameters<typeof listQuery>[2]["page"];
}

/** The owner → provider → state list walk shared by Orders, Bids and Leases. */
function list<V extends BidIdRefLike>(ctx: Context, table: IndexedTable<V>, allStates: readonly string[], req: ListRequest): Page<V> {
  const f = req.filters;
  return listQuery(ctx, table, {
    state: f?.state ?? "",
    allStates,
    owner: f?.owner || undefined,
    provider: f?.provider || undefined,
    accept: acceptIds<V>(f),
    page: req.pagination,
  });
}

function checkOwner(owner: string, provider?: string): void {
  if (!isAccAddress(owner)) throw invalidArgument("invalid owner address");
  if (provider !== undefined && !isAccAddress(provider)) throw invalidArgument("invalid provider address");
}

export function marketQueries(market: MarketKeeper): QueryHandler<any, any>[] {
  const escrow = (ctx: Context) => ctx.keeper<EscrowKeeper>("escrow");
  const bidResponse = (ctx: Context, b: BidRecord) => {
    const account = escrow(ctx).getAccount(ctx, bidAccountId(b));
    return { bid: bidToProto(b), escrowAccount: account ? accountToProto(account) : undefined };
  };
  const leaseResponse = (ctx: Context, l: LeaseRecord) => {
    const payment = escrow(ctx).getPayment(ctx, leasePaymentId(l));
    return { lease: leaseToProto(l), escrowPayment: payment ? paymentToProto(payment) : undefined };
  };

  const orders: QueryHandler<QueryOrdersRequest, QueryOrdersResponse> = {
    path: "/akash.market.v1beta5.Query/Orders",
    request: QueryOrdersRequest,
    response: QueryOrdersResponse,
    rest: "GET /akash/market/v1beta5/orders/list",
    handle(ctx, req) {
      const page = list(ctx, market.orders, ORDER_STATES, req);
      return QueryOrdersResponse.fromPartial({ orders: page.items.map(orderToProto), pagination: pageJson(page) });
    },
  };

  const order: QueryHandler<QueryOrderRequest, QueryOrderResponse> = {
    path: "/akash.market.v1beta5.Query/Order",
    request: QueryOrderRequest,
    response: QueryOrderResponse,
    rest: "GET /akash/market/v1beta5/orders/info",
    handle(ctx, req) {
      const id = orderRef(req.id);
      checkOwner(id.owner);
      const o = market.getOrder(ctx, id);
      if (!o) throw queryNotFound(marketErrors.orderNotFound());
      return QueryOrderResponse.fromPartial({ order: orderToProto(o) });
    },
  };

  const bids: QueryHandler<QueryBidsRequest, QueryBidsResponse> = {
    path: "/akash.market.v1beta5.Query/Bids",
    request: QueryBidsRequest,
    response: QueryBidsResponse,
    rest: "GET /akash/market/v1beta5/bids/list",
    handle(ctx, req) {
      const page = list(ctx, market.bids, BID_STATES, req);
      return QueryBidsResponse.fromPartial({ bids: page.items.map((b) => bidResponse(ctx, b)), pagination: pageJson(page) });
    },
  };

  const bid: QueryHandler<QueryBidRequest, QueryBidResponse> = {
    path: "/akash.market.v1beta5.Query/Bid",
    request: QueryBidRequest,
    response: QueryBidResponse,
    rest: "GET /akash/market/v1beta5/bids/info",
    handle(ctx, req) {
      const id = bidRef(req.id);
      checkOwner(id.owner, id.provider);
      const b = market.getBid(ctx, id);
      if (!b) throw queryNotFound(marketErrors.bidNotFound());
      if (!escrow(ctx).getAccount(ctx, bidAccountId(b))) throw queryNotFound(escrowErrors.accountNotFound());
      return QueryBidResponse.fromPartial(bidResponse(ctx, b));
    },
  };

  const leases: QueryHandler<QueryLeasesRequest, QueryLeasesResponse> = {
    path: "/akash.market.v1beta5.Query/Leases",
    request: QueryLeasesRequest,
    response: QueryLeasesResponse,
    rest: "GET /akash/market/v1beta5/leases/list",
    handle(ctx, req) {
      const page = list(ctx, market.leases, LEASE_STATES, req);
      return QueryLeasesResponse.fromPartial({ leases: page.items.map((l) => leaseResponse(ctx, l)), pagination: pageJson(page) });
    },
  };

  const lease: QueryHandler<QueryLeaseRequest, QueryLeaseResponse> = {
    path: "/akash.market.v1beta5.Query/Lease",
    request: QueryLeaseRequest,
    response: QueryLeaseResponse,
    rest: "GET /akash/market/v1beta5/leases/info",
    handle(ctx, req) {
      const id = bidRef(req.id);
      checkOwner(id.owner, id.provider);
      const l = market.getLease(ctx, id);
      if (!l) throw queryNotFound(marketErrors.leaseNotFound());
      if (!escrow(ctx).getPayment(ctx, leasePaymentId(l))) throw queryNotFound(escrowErrors.paymentNotFound());
      return QueryLeaseResponse.fromPartial(leaseResponse(ctx, l));
    },
  };

  const params: QueryHandler<QueryParamsRequest, QueryParamsResponse> = {
    path: "/akash.market.v1beta5.Query/Params",
    request: QueryParamsRequest,
    response: QueryParamsResponse,
    rest: "GET /akash/market/v1beta5/params",
    handle: (ctx) => QueryParamsResponse.fromPartial({ params: market.getParams(ctx) }),
  };

  return [orders, order, bids, bid, leases, lease, params];
}
