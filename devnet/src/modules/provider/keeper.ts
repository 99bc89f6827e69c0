/** Provider registry state: one record per owner, keyed by address bytes like the node's store. */
import type { Context } from "../../chain/types";
import { addressKey } from "../registry-kit/address";
import { providerErrors } from "./errors";
import type { AttributeLike } from "./validation";

export interface ProviderRecord {
  owner: string;
  hostUri: string;
  attributes: AttributeLike[];
  info?: { email: string; website: string };
}

export const providersPrefix = "provider/providers/";
const providerKey = (owner: string) => providersPrefix + addressKey(owner);

export interface ProviderKeeper {
  get(ctx: Context, owner: string): ProviderRecord | undefined;
  list(ctx: Context): Array<[key: string, record: ProviderRecord]>;
  create(ctx: Context, provider: ProviderRecord): void;
  update(ctx: Context, provider: ProviderRecord): void;
}

/** The stored shape; `info` is a non-nullable struct in Go, so it is always present (maybe empty). */
function normalize(provider: ProviderRecord): ProviderRecord {
  return {
    owner: provider.owner,
    hostUri: provider.hostUri,
    attributes: provider.attributes.map(({ key, value }) => ({ key, value })),
    info: { email: provider.info?.email ?? "", website: provider.info?.website ?? "" },
  };
}

export function createProviderKeeper(): ProviderKeeper {
  return {
    get: (ctx, owner) => ctx.store.get<ProviderRecord>(providerKey(owner)),
    list: (ctx) => ctx.store.entries<ProviderRecord>(providersPrefix),
    create(ctx, provider) {
      const key = providerKey(provider.owner);
      if (ctx.store.has(key)) throw providerErrors.providerExists;
      ctx.store.set(key, normalize(provider));
      ctx.events.emitTyped("akash.provider.v1beta4.EventProviderCreated", { owner: provider.owner });
    },
    update(ctx, provider) {
      const key = providerKey(provider.owner);
      if (!ctx.store.has(key)) throw providerErrors.providerNotFound;
      ctx.store.set(key, normalize(provider));
      ctx.events.emitTyped("akash.provider.v1beta4.EventProviderUpdated", { owner: provider.owner });
    },
  };
}
