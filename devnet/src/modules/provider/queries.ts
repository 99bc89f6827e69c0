/** provider v1beta4 queries (node x/provider/keeper/grpc_query.go). */
import {
  QueryProviderRequest,
  QueryProviderResponse,
  QueryProvidersRequest,
  QueryProvidersResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { QueryHandler } from "../../chain/types";
import { isAccAddress } from "../registry-kit/address";
import { paginateEntries } from "../../chain/pagination";
import { grpcQueries } from "../registry-kit/query";
import { providerErrors } from "./errors";
import { providersPrefix, type ProviderKeeper } from "./keeper";

export function providerQueries(keeper: ProviderKeeper): QueryHandler<any, any>[] {
  const providers: QueryHandler<QueryProvidersRequest, QueryProvidersResponse> = {
    path: "/akash.provider.v1beta4.Query/Providers",
    rest: "GET /akash/provider/v1beta4/providers",
    request: QueryProvidersRequest,
    response: QueryProvidersResponse,
    handle(ctx, req) {
      const page = paginateEntries(providersPrefix, keeper.list(ctx), req.pagination);
      return QueryProvidersResponse.fromPartial({ providers: page.items, pagination: page.pagination });
    },
  };
  const provider: QueryHandler<QueryProviderRequest, QueryProviderResponse> = {
    path: "/akash.provider.v1beta4.Query/Provider",
    rest: "GET /akash/provider/v1beta4/providers/{owner}",
    request: QueryProviderRequest,
    response: QueryProviderResponse,
    handle(ctx, req) {
      if (!isAccAddress(req.owner)) throw providerErrors.invalidAddress;
      const found = keeper.get(ctx, req.owner);
      if (!found) throw providerErrors.providerNotFound;
      return QueryProviderResponse.fromPartial({ provider: found });
    },
  };
  return grpcQueries(providers, provider);
}
