/**
 * Fee allowances (cosmos x/feegrant keeper), keyed grantee-first by address bytes like the node.
 * `useGrantedFees` is what the ante handler calls for a tx whose fee names a granter.
 */
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { Coin, Context } from "../../chain/types";
import { addressFromKey, addressKey } from "../registry-kit/address";
import { acceptFee, decodeAllowance, encodeAllowance, expiresAtMs } from "./allowance";
import { feegrantErrors } from "./errors";

export interface FeeGrant {
  granter: string;
  grantee: string;
  allowance: Any;
}

interface StoredGrant {
  typeUrl: string;
  value: string;
}

export const allowancesPrefix = "feegrant/allowances/";
const allowanceKey = (granter: string, grantee: string) => `${allowancesPrefix}${addressKey(grantee)}/${addressKey(granter)}`;

function toGrant(key: string, stored: StoredGrant): FeeGrant {
  const [granteeHex, granterHex] = key.slice(allowancesPrefix.length).split("/") as [string, string];
  return {
    granter: addressFromKey(granterHex),
    grantee: addressFromKey(granteeHex),
    allowance: { typeUrl: stored.typeUrl, value: new Uint8Array(Buffer.from(stored.value, "base64")) },
  };
}

export interface FeegrantKeeper {
  get(ctx: Context, granter: string, grantee: string): FeeGrant | undefined;
  /** Allowances under a key prefix relative to allowancesPrefix (grantee hex first), with full keys. */
  list(ctx: Context, prefix?: string): Array<[key: string, grant: FeeGrant]>;
  grant(ctx: Context, grant: FeeGrant): void;
  revoke(ctx: Context, granter: string, grantee: string): void;
  /** Charges `fee` to the granter's allowance for `grantee` (ante handler); throws feegrant errors. */
  useGrantedFees(ctx: Context, granter: string, grantee: string, fee: Coin[]): void;
  pruneExpired(ctx: Context): void;
}

export function createFeegrantKeeper(): FeegrantKeeper {
  const get = (ctx: Context, granter: string, grantee: string) => {
    const key = allowanceKey(granter, grantee);
    const stored = ctx.store.get<StoredGrant>(key);
    return stored && toGrant(key, stored);
  };
  const write = (ctx: Context, grant: FeeGrant) =>
    ctx.store.set<StoredGrant>(allowanceKey(grant.granter, grant.grantee), {
      typeUrl: grant.allowance.typeUrl,
      value: Buffer.from(grant.allowance.value).toString("base64"),
    });
  const list = (ctx: Context, prefix = "") =>
    ctx.store.entries<StoredGrant>(allowancesPrefix + prefix).map(([key, stored]): [string, FeeGrant] => [key, toGrant(key, stored)]);
  const remove = (ctx: Context, granter: string, grantee: string) => {
    const key = allowanceKey(granter, grantee);
    if (!ctx.store.has(key)) throw feegrantErrors.noAllowance.wrap("fee-grant not found");
    ctx.store.delete(key);
  };
  const event = (ctx: Context, type: string, granter: string, grantee: string) =>
    ctx.events.emit(type, [
      { key: "granter", value: granter },
      { key: "grantee", value: grantee },
    ]);
  return {
    get,
    list,
    grant(ctx, grant) {
      write(ctx, grant);
      event(ctx, "set_feegrant", grant.granter, grant.grantee);
    },
    revoke(ctx, granter, grantee) {
      remove(ctx, granter, grantee);
      event(ctx, "revoke_feegrant", granter, grantee);
    },
    useGrantedFees(ctx, granter, grantee, fee) {
      const grant = get(ctx, granter, grantee);
      if (!grant) throw feegrantErrors.noAllowance.wrap("fee-grant not found");
      const { remove: usedUp, next } = acceptFee(decodeAllowance(grant.allowance), fee, ctx.block.time);
      if (usedUp) ctx.store.delete(allowanceKey(granter, grantee));
      else write(ctx, { ...grant, allowance: encodeAllowance(next) });
      event(ctx, "use_feegrant", granter, grantee);
    },
    pruneExpired(ctx) {
      for (const [key, grant] of list(ctx)) {
        const { expiration } = decodeAllowance(grant.allowance);
        if (expiration && expiresAtMs(expiration) < ctx.block.time.getTime()) ctx.store.delete(key);
      }
    },
  };
}
