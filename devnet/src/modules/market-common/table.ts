import type { Context, PageRequestLike } from "../../chain/types";
import { invalidArgument } from "./errors";
import { type Page, paginate } from "./pagination";

/**
 * A keyed collection in the KV store with secondary indexes by state and (optionally) provider, like the node's
 * `collections.IndexedMap`s. Primary keys are zero-padded id paths (`owner/dseq/gseq/...`), so prefix scans by
 * owner or deployment and index scans by state or provider never walk unrelated records.
 */
export class IndexedTable<T> {
  constructor(
    private readonly name: string,
    private readonly stateOf: (value: T) => string,
    private readonly providerOf?: (value: T) => string,
  ) {}

  private primary(pk: string): string {
    return `${this.name}/p/${pk}`;
  }
  private stateIndex(state: string, pk: string): string {
    return `${this.name}/s/${state}/${pk}`;
  }
  private providerIndex(provider: string, pk: string): string {
    return `${this.name}/v/${provider}/${pk}`;
  }

  stateOfValue(value: T): string {
    return this.stateOf(value);
  }

  get(ctx: Context, pk: string): T | undefined {
    return ctx.store.get<T>(this.primary(pk));
  }

  has(ctx: Context, pk: string): boolean {
    return ctx.store.has(this.primary(pk));
  }

  set(ctx: Context, pk: string, value: T): void {
    const previous = this.get(ctx, pk);
    if (previous !== undefined && this.stateOf(previous) !== this.stateOf(value)) {
      ctx.store.delete(this.stateIndex(this.stateOf(previous), pk));
    }
    ctx.store.set(this.primary(pk), value);
    // Index entries are only written when they change: every store write costs gas.
    if (previous === undefined || this.stateOf(previous) !== this.stateOf(value)) ctx.store.set(this.stateIndex(this.stateOf(value), pk), 1);
    if (this.providerOf && previous === undefined) ctx.store.set(this.providerIndex(this.providerOf(value), pk), 1);
  }

  /** Records whose primary key starts with `pkPrefix` (end it with "/" to match whole id parts). */
  byPrefix(ctx: Context, pkPrefix: string): Array<[string, T]> {
    const base = this.primary("");
    return ctx.store.entries<T>(this.primary(pkPrefix)).map(([k, v]) => [k.slice(base.length), v]);
  }

  private viaIndex(ctx: Context, prefix: string): Array<[string, T]> {
    const out: Array<[string, T]> = [];
    for (const [key] of ctx.store.entries<number>(prefix)) {
      const pk = key.slice(prefix.length);
      const value = this.get(ctx, pk);
      if (value !== undefined) out.push([pk, value]);
    }
    return out;
  }

  byState(ctx: Context, state: string): Array<[string, T]> {
    return this.viaIndex(ctx, this.stateIndex(state, ""));
  }

  byProvider(ctx: Context, provider: string): Array<[string, T]> {
    return this.viaIndex(ctx, this.providerIndex(provider, ""));
  }
}

export interface ListQuery<T> {
  /** filters.state as sent ("" = every state, in `allStates` order). */
  state: string;
  allStates: readonly string[];
  owner?: string;
  provider?: string;
  accept(value: T): boolean;
  page: PageRequestLike | undefined;
}

/**
 * The node's list-query strategy (x/market|deployment/keeper/grpc_query.go): an owner filter walks that owner's
 * records in key order, else a provider filter walks the provider index, else each requested state is walked in
 * turn; then offset/limit/next_key paging. Offset without a state filter is refused as the node does.
 */
export function listQuery<T>(ctx: Context, table: IndexedTable<T>, q: ListQuery<T>): Page<T> {
  const offset = q.page?.offset === undefined ? 0 : Number(q.page.offset.toString());
  if (q.page && offset > 0 && q.state === "") {
    throw invalidArgument("invalid request parameters. if offset is set, filter.state must be provided");
  }
  if (q.state !== "" && !q.allStates.includes(q.state)) throw invalidArgument("invalid state value");
  const states = q.state === "" ? q.allStates : [q.state];
  const wanted = (v: T) => states.includes(table.stateOfValue(v)) && q.accept(v);

  let entries: Array<[string, T]>;
  if (q.owner) {
    entries = table.byPrefix(ctx, `${q.owner}/`).filter(([, v]) => wanted(v));
  } else if (q.provider) {
    entries = table.byProvider(ctx, q.provider).filter(([, v]) => wanted(v));
  } else {
    entries = states.flatMap((state, i) =>
      table
        .byState(ctx, state)
        .filter(([, v]) => q.accept(v))
        .map(([pk, v]): [string, T] => [`${i}/${pk}`, v]),
    );
  }
  return paginate(entries, q.page);
}
