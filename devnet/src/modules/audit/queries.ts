/**
 * audit v1 queries (node x/audit/keeper/grpc_query.go). The node's AllProvidersAttributes and
 * AuditorAttributes decode stored values with the wrong message type (and the latter ignores the
 * auditor); we return the records those queries are documented to return instead.
 */
import {
  QueryAllProvidersAttributesRequest,
  QueryAuditorAttributesRequest,
  QueryProviderAttributesRequest,
  QueryProviderAuditorRequest,
  QueryProvidersResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { QueryHandler } from "../../chain/types";
import { isAccAddress } from "../registry-kit/address";
import { paginateEntries } from "../../chain/pagination";
import { grpcQueries } from "../registry-kit/query";
import { auditErrors } from "./errors";
import type { AuditedProvider, AuditKeeper } from "./keeper";

const requireAddress = (address: string) => {
  if (!isAccAddress(address)) throw auditErrors.invalidAddress;
};

export function auditQueries(keeper: AuditKeeper): QueryHandler<any, any>[] {
  const listed = (
    entries: Array<[string, AuditedProvider]>,
    pagination: QueryAllProvidersAttributesRequest["pagination"],
    filter?: (record: AuditedProvider) => boolean,
  ) => {
    const page = paginateEntries("", entries, pagination, filter);
    return QueryProvidersResponse.fromPartial({ providers: page.items, pagination: page.pagination });
  };
  const all: QueryHandler<QueryAllProvidersAttributesRequest, QueryProvidersResponse> = {
    path: "/akash.audit.v1.Query/AllProvidersAttributes",
    rest: "GET /akash/audit/v1/audit/attributes/list",
    request: QueryAllProvidersAttributesRequest,
    response: QueryProvidersResponse,
    handle: (ctx, req) => listed(keeper.list(ctx), req.pagination),
  };
  const byProvider: QueryHandler<QueryProviderAttributesRequest, QueryProvidersResponse> = {
    path: "/akash.audit.v1.Query/ProviderAttributes",
    rest: "GET /akash/audit/v1/audit/attributes/{owner}/list",
    request: QueryProviderAttributesRequest,
    response: QueryProvidersResponse,
    handle(ctx, req) {
      requireAddress(req.owner);
      const found = keeper.attributes(ctx, req.owner);
      if (found.length === 0) throw auditErrors.providerNotFound;
      return QueryProvidersResponse.fromPartial({ providers: found.map((a) => ({ owner: req.owner, ...a })) });
    },
  };
  const byProviderAuditor: QueryHandler<QueryProviderAuditorRequest, QueryProvidersResponse> = {
    path: "/akash.audit.v1.Query/ProviderAuditorAttributes",
    rest: "GET /akash/audit/v1/audit/attributes/{auditor}/{owner}",
    request: QueryProviderAuditorRequest,
    response: QueryProvidersResponse,
    handle(ctx, req) {
      requireAddress(req.owner);
      requireAddress(req.auditor);
      const found = keeper.get(ctx, req.owner, req.auditor);
      if (!found) throw auditErrors.providerNotFound;
      return QueryProvidersResponse.fromPartial({ providers: [found] });
    },
  };
  const byAuditor: QueryHandler<QueryAuditorAttributesRequest, QueryProvidersResponse> = {
    path: "/akash.audit.v1.Query/AuditorAttributes",
    rest: "GET /akash/provider/v1/auditor/{auditor}/list",
    request: QueryAuditorAttributesRequest,
    response: QueryProvidersResponse,
    handle: (ctx, req) => listed(keeper.list(ctx), req.pagination, (record) => record.auditor === req.auditor),
  };
  return grpcQueries(all, byProvider, byProviderAuditor, byAuditor);
}
