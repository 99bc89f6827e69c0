import type { QueryHandler } from "../../chain/types";
import { toQueryError } from "./errors";

/** Wraps a query handler so its failures reach abci_query the way baseapp converts gRPC errors. */
export function grpcQuery<Req, Res>(query: QueryHandler<Req, Res>): QueryHandler<Req, Res> {
  return {
    ...query,
    handle(ctx, req) {
      try {
        return query.handle(ctx, req);
      } catch (err) {
        throw toQueryError(err);
      }
    },
  };
}

/** grpcQuery over a module's whole query list. */
export function grpcQueries(...queries: QueryHandler<any, any>[]): QueryHandler<any, any>[] {
  return queries.map((q) => grpcQuery(q));
}
