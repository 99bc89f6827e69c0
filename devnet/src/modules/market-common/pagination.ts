import { paginateEntries } from "../../chain/pagination";
import type { PageRequestLike } from "../../chain/types";

/**
 * The core's cosmos pagination over (sortKey, item) pairs, reporting `total` the way the Akash list queries do:
 * the number of items returned in this page (node x/market|deployment/keeper/grpc_query.go).
 */
export interface Page<T> {
  items: T[];
  nextKey: Uint8Array;
  total: bigint;
}

export function paginate<T>(entries: Array<[string, T]>, page: PageRequestLike | undefined): Page<T> {
  const result = paginateEntries("", entries, page);
  return { items: result.items, nextKey: result.pagination.nextKey, total: BigInt(result.items.length) };
}
