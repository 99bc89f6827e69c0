/** cosmos authz queries: Grants, GranterGrants, GranteeGrants (x/authz/keeper/grpc_query.go). */
import {
  QueryGranteeGrantsRequest,
  QueryGranteeGrantsResponse,
  QueryGranterGrantsRequest,
  QueryGranterGrantsResponse,
  QueryGrantsRequest,
  QueryGrantsResponse,
} from "cosmjs-types/cosmos/authz/v1beta1/query";
import { paginateEntries } from "../../chain/pagination";
import type { QueryHandler } from "../../chain/types";
import { accAddressBytes, addressKey } from "../registry-kit/address";
import { grpcQueries } from "../registry-kit/query";
import { authzErrors } from "./errors";
import { grantsPrefix, type AuthzKeeper, type GrantRecord } from "./keeper";

const grantOf = (g: GrantRecord) => ({ authorization: g.authorization, expiration: g.expiration });
const grantAuthorizationOf = (g: GrantRecord) => ({ granter: g.granter, grantee: g.grantee, ...grantOf(g) });

export function authzQueries(keeper: AuthzKeeper): QueryHandler<any, any>[] {
  const grants: QueryHandler<QueryGrantsRequest, QueryGrantsResponse> = {
    path: "/cosmos.authz.v1beta1.Query/Grants",
    rest: "GET /cosmos/authz/v1beta1/grants",
    request: QueryGrantsRequest,
    response: QueryGrantsResponse,
    handle(ctx, req) {
      accAddressBytes(req.granter);
      accAddressBytes(req.grantee);
      if (req.msgTypeUrl !== "") {
        const found = keeper.get(ctx, req.granter, req.grantee, req.msgTypeUrl);
        if (!found) throw authzErrors.noAuthorizationFound.wrap(`authorization not found for ${req.msgTypeUrl} type`);
        return QueryGrantsResponse.fromPartial({ grants: [grantOf(found)] });
      }
      const prefix = `${addressKey(req.granter)}/${addressKey(req.grantee)}/`;
      const page = paginateEntries(grantsPrefix + prefix, keeper.grants(ctx, prefix), req.pagination);
      return QueryGrantsResponse.fromPartial({ grants: page.items.map(grantOf), pagination: page.pagination });
    },
  };
  const byGranter: QueryHandler<QueryGranterGrantsRequest, QueryGranterGrantsResponse> = {
    path: "/cosmos.authz.v1beta1.Query/GranterGrants",
    rest: "GET /cosmos/authz/v1beta1/grants/granter/{granter}",
    request: QueryGranterGrantsRequest,
    response: QueryGranterGrantsResponse,
    handle(ctx, req) {
      const prefix = `${addressKey(req.granter)}/`;
      const page = paginateEntries(grantsPrefix + prefix, keeper.grants(ctx, prefix), req.pagination);
      return QueryGranterGrantsResponse.fromPartial({ grants: page.items.map(grantAuthorizationOf), pagination: page.pagination });
    },
  };
  const byGrantee: QueryHandler<QueryGranteeGrantsRequest, QueryGranteeGrantsResponse> = {
    path: "/cosmos.authz.v1beta1.Query/GranteeGrants",
    rest: "GET /cosmos/authz/v1beta1/grants/grantee/{grantee}",
    request: QueryGranteeGrantsRequest,
    response: QueryGranteeGrantsResponse,
    handle(ctx, req) {
      accAddressBytes(req.grantee);
      const page = paginateEntries(grantsPrefix, keeper.grants(ctx), req.pagination, (g) => g.grantee === req.grantee);
      return QueryGranteeGrantsResponse.fromPartial({ grants: page.items.map(grantAuthorizationOf), pagination: page.pagination });
    },
  };
  return grpcQueries(grants, byGranter, byGrantee);
}
