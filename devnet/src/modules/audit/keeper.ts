/**
 * Auditor-signed provider attributes (node x/audit/keeper): one record per (provider owner, auditor),
 * attributes kept sorted by key; signing again merges keys, deleting removes keys or the whole record.
 */
import type { Context } from "../../chain/types";
import { addressFromKey, addressKey } from "../registry-kit/address";
import { auditErrors } from "./errors";

export interface Attribute {
  key: string;
  value: string;
}

export interface AuditedProvider {
  owner: string;
  auditor: string;
  attributes: Attribute[];
}

export const auditPrefix = "audit/providers/";
const recordKey = (owner: string, auditor: string) => `${auditPrefix}${addressKey(owner)}/${addressKey(auditor)}`;

export interface AuditKeeper {
  /** Every auditor's signed attributes for a provider, in auditor address order. */
  attributes(ctx: Context, owner: string): Array<{ auditor: string; attributes: Attribute[] }>;
  get(ctx: Context, owner: string, auditor: string): AuditedProvider | undefined;
  /** All records, with their keys relative to the audit prefix (for pagination). */
  list(ctx: Context): Array<[key: string, record: AuditedProvider]>;
  sign(ctx: Context, owner: string, auditor: string, attributes: Attribute[]): void;
  remove(ctx: Context, owner: string, auditor: string, keys: string[]): void;
}

const byKey = (a: Attribute, b: Attribute) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function toRecord(key: string, attributes: Attribute[]): AuditedProvider {
  const [ownerHex, auditorHex] = key.slice(auditPrefix.length).split("/") as [string, string];
  return { owner: addressFromKey(ownerHex), auditor: addressFromKey(auditorHex), attributes };
}

export function createAuditKeeper(): AuditKeeper {
  const events = (ctx: Context, type: string, owner: string, auditor: string) =>
    ctx.events.emitTyped(`akash.audit.v1.${type}`, { owner, auditor });
  return {
    attributes: (ctx, owner) =>
      ctx.store
        .entries<Attribute[]>(`${auditPrefix}${addressKey(owner)}/`)
        .map(([key, attributes]) => ({ auditor: toRecord(key, attributes).auditor, attributes })),
    get(ctx, owner, auditor) {
      const attributes = ctx.store.get<Attribute[]>(recordKey(owner, auditor));
      return attributes && { owner, auditor, attributes };
    },
    list: (ctx) =>
      ctx.store.entries<Attribute[]>(auditPrefix).map(([key, attributes]) => [key.slice(auditPrefix.length), toRecord(key, attributes)]),
    sign(ctx, owner, auditor, attributes) {
      const key = recordKey(owner, auditor);
      const existing = ctx.store.get<Attribute[]>(key);
      let next = attributes.map(({ key: k, value }) => ({ key: k, value }));
      if (existing) {
        const merged = new Map(existing.map((a) => [a.key, a.value]));
        for (const a of next) merged.set(a.key, a.value);
        next = [...merged].map(([k, value]) => ({ key: k, value }));
      }
      ctx.store.set(key, next.sort(byKey));
      events(ctx, "EventTrustedAuditorCreated", owner, auditor);
    },
    remove(ctx, owner, auditor, keys) {
      const key = recordKey(owner, auditor);
      const existing = ctx.store.get<Attribute[]>(key);
      if (!existing) throw auditErrors.providerNotFound;
      // An empty key list decodes to nil in Go, which deletes the whole record.
      if (keys.length === 0) ctx.store.delete(key);
      else {
        const kept = new Map(existing.map((a) => [a.key, a.value]));
        for (const k of keys) {
          if (!kept.has(k)) {
            throw auditErrors.attributeNotFound.wrap(`trying to delete non-existing attribute "${k}" for auditor/provider "${auditor}/${owner}"`);
          }
          kept.delete(k);
        }
        if (kept.size === 0) ctx.store.delete(key);
        else ctx.store.set(key, [...kept].map(([k, value]) => ({ key: k, value })).sort(byKey));
      }
      events(ctx, "EventTrustedAuditorDeleted", owner, auditor);
    },
  };
}
