/** cosmos feegrant queries: Allowance, Allowances (by grantee), AllowancesByGranter. */
import {
  QueryAllowanceRequest,
  QueryAllowanceResponse,
  QueryAllowancesByGranterRequest,
  QueryAllowancesByGranterResponse,
  QueryAllowancesRequest,
  QueryAllowancesResponse,
} from "cosmjs-types/cosmos/feegrant/v1beta1/query";
import { paginateEntries } from "../../chain/pagination";
import type { QueryHandler } from "../../chain/types";
import { accAddressBytes, addressKey } from "../registry-kit/address";
import { grpcQueries } from "../registry-kit/query";
import { GrpcStatusError } from "../registry-kit/errors";
import { allowancesPrefix, notFound, type FeegrantKeeper } from "./keeper";

export function feegrantQueries(keeper: FeegrantKeeper): QueryHandler<any, any>[] {
  const allowance: QueryHandler<QueryAllowanceRequest, QueryAllowanceResponse> = {
    path: "/cosmos.feegrant.v1beta1.Query/Allowance",
    rest: "GET /cosmos/feegrant/v1beta1/allowance/{granter}/{grantee}",
    request: QueryAllowanceRequest,
    response: QueryAllowanceResponse,
    handle(ctx, req) {
      accAddressBytes(req.granter);
      accAddressBytes(req.grantee);
      const found = keeper.get(ctx, req.granter, req.grantee);
      // The query server answers every GetAllowance error as codes.Internal.
      if (!found) throw new GrpcStatusError("Internal", notFound().message);
      return QueryAllowanceResponse.fromPartial({ allowance: found });
    },
  };
  const byGrantee: QueryHandler<QueryAllowancesRequest, QueryAllowancesResponse> = {
    path: "/cosmos.feegrant.v1beta1.Query/Allowances",
    rest: "GET /cosmos/feegrant/v1beta1/allowances/{grantee}",
    request: QueryAllowancesRequest,
    response: QueryAllowancesResponse,
    handle(ctx, req) {
      const prefix = `${addressKey(req.grantee)}/`;
      const page = paginateEntries(allowancesPrefix + prefix, keeper.list(ctx, prefix), req.pagination);
      return QueryAllowancesResponse.fromPartial({ allowances: page.items, pagination: page.pagination });
    },
  };
  const byGranter: QueryHandler<QueryAllowancesByGranterRequest, QueryAllowancesByGranterResponse> = {
    path: "/cosmos.feegrant.v1beta1.Query/AllowancesByGranter",
    rest: "GET /cosmos/feegrant/v1beta1/issued/{granter}",
    request: QueryAllowancesByGranterRequest,
    response: QueryAllowancesByGranterResponse,
    handle(ctx, req) {
      accAddressBytes(req.granter);
      const page = paginateEntries(allowancesPrefix, keeper.list(ctx), req.pagination, (g) => g.granter === req.granter);
      return QueryAllowancesByGranterResponse.fromPartial({ allowances: page.items, pagination: page.pagination });
    },
  };
  return grpcQueries(allowance, byGrantee, byGranter);
}
