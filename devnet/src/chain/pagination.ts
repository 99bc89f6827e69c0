/**
 * cosmos.base.query.v1beta1 pagination for list queries (types/query/pagination.go semantics):
 * `key` resumes after a previous page (next_key), else `offset` skips; `limit` defaults to 100;
 * `count_total` reports the total (only on offset-based requests, as cosmos); `reverse` walks descending.
 * Keys are the store keys relative to the listed prefix, as bytes.
 */
import { fromUtf8, toUtf8 } from "@cosmjs/encoding";
import { sdkErrors } from "./errors";
import type { KVStore, PageRequestLike } from "./types";

export const defaultPageLimit = 100;

export interface PageResponse {
  nextKey: Uint8Array;
  total: bigint;
}

export interface Page<T> {
  items: T[];
  /** store keys of `items` */
  keys: string[];
  pagination: PageResponse;
}

function toNumber(v: PageRequestLike["offset"]): number {
  return v === undefined || v === null ? 0 : Number(v.toString());
}

/**
 * One page of `entries` (ascending store order, all under `prefix`), optionally filtered: the filter
 * is applied before counting, like cosmos FilteredPaginate.
 */
export function paginateEntries<T>(
  prefix: string,
  entries: Array<[string, T]>,
  page: PageRequestLike | undefined,
  filter?: (value: T, key: string) => boolean,
): Page<T> {
  const key = page?.key && page.key.length > 0 ? fromUtf8(page.key) : undefined;
  const offset = toNumber(page?.offset);
  if (key !== undefined && offset > 0) throw sdkErrors.invalidRequest.wrap("either offset or key is expected, got both");
  const limit = toNumber(page?.limit) || defaultPageLimit;
  const countTotal = page?.countTotal === true && key === undefined;
  let list = filter ? entries.filter(([k, v]) => filter(v, k)) : entries;
  if (page?.reverse) list = [...list].reverse();
  let start = offset;
  if (key !== undefined) {
    const full = prefix + key;
    start = list.findIndex(([k]) => (page?.reverse ? k <= full : k >= full));
    if (start < 0) start = list.length;
  }
  const slice = list.slice(start, start + limit);
  const next = list[start + limit];
  return {
    items: slice.map(([, v]) => v),
    keys: slice.map(([k]) => k),
    pagination: {
      nextKey: next ? toUtf8(next[0].slice(prefix.length)) : new Uint8Array(),
      total: countTotal ? BigInt(list.length) : 0n,
    },
  };
}

/** A page of the store entries under `prefix`. */
export function paginate<T>(store: KVStore, prefix: string, page: PageRequestLike | undefined, filter?: (value: T, key: string) => boolean): Page<T> {
  return paginateEntries(prefix, store.entries<T>(prefix), page, filter);
}
