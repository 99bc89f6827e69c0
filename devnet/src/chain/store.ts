/**
 * State storage: an ordered committed store, copy-on-write branches (cosmos CacheKVStore) for check
 * state, block state and each tx/message, and the JSON view modules see (KVStore) with per-access gas
 * charged as cosmos' gaskv store does. Values are kept serialized (JSON text) so that state can never be
 * mutated behind the store's back and persists verbatim.
 */
import { kvGas, type GasMeter } from "./gas";
import type { KVStore } from "./types";

/** Serialized key-value access shared by the committed store and its branches. */
export interface RawStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** [key, value] pairs whose key starts with prefix, ascending by key. */
  range(prefix: string): Array<[string, string]>;
}

/** A write to apply: a value, or null for a delete. */
export type Write = [key: string, value: string | null];

function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The committed state: a map plus a sorted key index for prefix scans. */
export class SortedStore implements RawStore {
  private readonly values = new Map<string, string>();
  private readonly keys: string[] = [];

  get size(): number {
    return this.values.size;
  }

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  set(key: string, value: string): void {
    if (!this.values.has(key)) this.keys.splice(lowerBound(this.keys, key), 0, key);
    this.values.set(key, value);
  }

  delete(key: string): void {
    if (!this.values.delete(key)) return;
    this.keys.splice(lowerBound(this.keys, key), 1);
  }

  range(prefix: string): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (let i = lowerBound(this.keys, prefix); i < this.keys.length && this.keys[i].startsWith(prefix); i++) {
      out.push([this.keys[i], this.values.get(this.keys[i])!]);
    }
    return out;
  }

  apply(writes: Iterable<Write>): void {
    for (const [key, value] of writes) {
      if (value === null) this.delete(key);
      else this.set(key, value);
    }
  }

  /** Every entry, ascending (for snapshots). */
  all(): Array<[string, string]> {
    return this.range("");
  }
}

/** A copy-on-write layer over a parent store; `commit()` writes it through, dropping it discards it. */
export class BranchStore implements RawStore {
  private readonly writes = new Map<string, string | null>();
  /** keys of `writes`, sorted, so prefix scans stay cheap however many writes a block piles up */
  private readonly keys: string[] = [];

  constructor(private readonly parent: RawStore) {}

  get(key: string): string | undefined {
    const own = this.writes.get(key);
    if (own !== undefined) return own === null ? undefined : own;
    return this.parent.get(key);
  }

  private write(key: string, value: string | null): void {
    if (!this.writes.has(key)) this.keys.splice(lowerBound(this.keys, key), 0, key);
    this.writes.set(key, value);
  }

  set(key: string, value: string): void {
    this.write(key, value);
  }

  delete(key: string): void {
    this.write(key, null);
  }

  range(prefix: string): Array<[string, string]> {
    const own: Array<[string, string | null]> = [];
    for (let i = lowerBound(this.keys, prefix); i < this.keys.length && this.keys[i].startsWith(prefix); i++) {
      own.push([this.keys[i], this.writes.get(this.keys[i])!]);
    }
    if (own.length === 0) return this.parent.range(prefix);
    const base = this.parent.range(prefix);
    const out: Array<[string, string]> = [];
    let i = 0;
    let j = 0;
    while (i < base.length || j < own.length) {
      if (j >= own.length || (i < base.length && base[i][0] < own[j][0])) {
        out.push(base[i++]);
        continue;
      }
      const [key, value] = own[j++];
      if (i < base.length && base[i][0] === key) i++;
      if (value !== null) out.push([key, value]);
    }
    return out;
  }

  /** The pending writes, in key order. */
  changes(): Write[] {
    return this.keys.map((key) => [key, this.writes.get(key)!]);
  }

  commit(): void {
    for (const key of this.keys) {
      const value = this.writes.get(key)!;
      if (value === null) this.parent.delete(key);
      else this.parent.set(key, value);
    }
    this.writes.clear();
    this.keys.length = 0;
  }
}

/** Byte length as Go sees it (UTF-8), for per-byte gas. */
function byteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

const bech32Address = /akash1[02-9ac-hj-np-z]{38,58}/g;

/**
 * A key's length as the node's binary key would have it: cosmos keys hold an address as a length
 * byte plus its 20 raw bytes, where ours spell it in bech32 (44 characters). Per-byte gas is charged
 * on this length so that gas stays close to a real node's.
 */
function keyLength(key: string): number {
  let length = byteLength(key);
  for (const match of key.matchAll(bech32Address)) length -= match[0].length - 21;
  return length;
}

/**
 * The modules' view of a raw store: JSON values, gas charged per access like cosmos' gaskv store when
 * a meter is given (queries and genesis run unmetered).
 */
export function jsonStore(raw: RawStore, meter?: GasMeter): KVStore {
  const charge = (amount: number, descriptor: string) => meter?.consume(amount, descriptor);
  return {
    get<T>(key: string): T | undefined {
      charge(kvGas.readCostFlat, "ReadFlat");
      const value = raw.get(key);
      charge(kvGas.readCostPerByte * (keyLength(key) + (value === undefined ? 0 : byteLength(value))), "ReadPerByte");
      return value === undefined ? undefined : (JSON.parse(value) as T);
    },
    has(key: string): boolean {
      charge(kvGas.hasCost, "Has");
      return raw.get(key) !== undefined;
    },
    set<T>(key: string, value: T): void {
      if (value === undefined) throw new Error(`store: refusing to write undefined at ${key}`);
      const text = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
      charge(kvGas.writeCostFlat, "WriteFlat");
      charge(kvGas.writeCostPerByte * (keyLength(key) + byteLength(text)), "WritePerByte");
      raw.set(key, text);
    },
    delete(key: string): void {
      charge(kvGas.deleteCost, "Delete");
      raw.delete(key);
    },
    entries<T>(prefix: string): Array<[string, T]> {
      return raw.range(prefix).map(([key, value]) => {
        charge(kvGas.iterNextCostFlat, "IterNextFlat");
        charge(kvGas.readCostPerByte * (keyLength(key) + byteLength(value)), "ValuePerByte");
        return [key, JSON.parse(value) as T];
      });
    },
  };
}
