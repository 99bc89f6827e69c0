/**
 * Fee allowances (cosmos x/feegrant keeper), keyed grantee-first by address bytes like the node.
 * `useGrantedFees` is what the ante handler calls for a tx whose fee names a granter.
 */
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { Coin, Context } from "../../chain/types";
import { addressFromKey, addressKey } from "../registry-kit/address";
import { acceptFee, decodeAllowance, encodeAllowance, expiresAtMs } from "./allowance";
import { sdkErrors } from "../../chain/errors";

export interface FeeGrant {
  granter: string;
  grantee: string;
  allowance: Any;
}

interface StoredGrant {
  typeUrl: string;
  value: string;
}

/** "fee-grant not found: not found" (sdk code 38), what a missing grant reads as everywhere. */
export const notFound = () => sdkErrors.notFound.wrap("fee-grant not found");

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
  /** Charges `fee` to the granter's allowance for `grantee` (ante handler); throws feegrant or not-found errors. */
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
  /** keeper getGrant: a missing grant is sdk ErrNotFound in 0.53 (not feegrant's ErrNoAllowance). */
  const found = (ctx: Context, granter: string, grantee: string) => {
    const grant = get(ctx, granter, grantee);
    if (!grant) throw notFound();
    return grant;
  };
  const event = (ctx: Context, type: string, granter: string, grantee: string) =>
    ctx.events.emit(type, [
      { key: "granter", value: granter },
      { key: "grantee", value: grantee },
    ]);
  const revoke = (ctx: Context, granter: string, grantee: string) => {
    found(ctx, granter, grantee);
    ctx.store.delete(allowanceKey(granter, grantee));
    event(ctx, "revoke_feegrant", granter, grantee);
  };
  return {
    get,
    list,
    grant(ctx, grant) {
      write(ctx, grant);
      event(ctx, "set_feegrant", grant.granter, grant.grantee);
    },
    revoke,
    useGrantedFees(ctx, granter, grantee, fee) {
      const grant = found(ctx, granter, grantee);
      const { remove: usedUp, next } = acceptFee(decodeAllowance(grant.allowance), fee, ctx.block.time);
      // Events as the keeper emits them: revoke then use when used up, use then update otherwise.
      if (usedUp) {
        revoke(ctx, granter, grantee);
        event(ctx, "use_feegrant", granter, grantee);
        return;
      }
      event(ctx, "use_feegrant", granter, grantee);
      write(ctx, { ...grant, allowance: encodeAllowance(next) });
      event(ctx, "update_feegrant", granter, grantee);
    },
    pruneExpired(ctx) {
      for (const [key, grant] of list(ctx)) {
        const { expiration } = decodeAllowance(grant.allowance);
        if (expiration && expiresAtMs(expiration) < ctx.block.time.getTime()) ctx.store.delete(key);
      }
    },
  };
}
