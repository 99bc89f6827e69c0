/**
 * Grant store (cosmos x/authz keeper): one grant per (granter, grantee, message type), keyed by the
 * address bytes like the node; expired grants stop counting at once and are pruned in BeginBlock.
 * Also the deposit-grant view escrow uses to fund deposits from `Source.grant`.
 */
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { Timestamp } from "cosmjs-types/google/protobuf/timestamp";
import { sdkErrors } from "../../chain/errors";
import type { Coin, Context } from "../../chain/types";
import { addressFromKey, addressKey } from "../registry-kit/address";
import { addCoins } from "../registry-kit/coins";
import { accountDepositTypeUrl, decodeDepositGrant, encodeDepositGrant, type DepositScope } from "./authorizations";
import { authzErrors } from "./errors";

export interface StoredGrant {
  typeUrl: string;
  /** base64 of the authorization bytes */
  value: string;
  expiration?: { seconds: string; nanos: number };
}

export interface GrantRecord {
  granter: string;
  grantee: string;
  msgTypeUrl: string;
  authorization: Any;
  expiration?: Timestamp;
}

export const grantsPrefix = "authz/grants/";
const grantKey = (granter: string, grantee: string, msgTypeUrl: string) => `${grantsPrefix}${addressKey(granter)}/${addressKey(grantee)}/${msgTypeUrl}`;

function toRecord(key: string, stored: StoredGrant): GrantRecord {
  const [granterHex, granteeHex, ...rest] = key.slice(grantsPrefix.length).split("/");
  return {
    granter: addressFromKey(granterHex!),
    grantee: addressFromKey(granteeHex!),
    msgTypeUrl: rest.join("/"),
    authorization: { typeUrl: stored.typeUrl, value: new Uint8Array(Buffer.from(stored.value, "base64")) },
    expiration: stored.expiration && { seconds: BigInt(stored.expiration.seconds), nanos: stored.expiration.nanos },
  };
}

const expiresAtMs = (t: Timestamp) => Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6);
const isExpired = (ctx: Context, grant: GrantRecord) => grant.expiration !== undefined && expiresAtMs(grant.expiration) < ctx.block.time.getTime();

export interface AuthzKeeper {
  /** Grants under a key prefix (relative to grantsPrefix), with their full store keys. */
  grants(ctx: Context, prefix?: string): Array<[key: string, grant: GrantRecord]>;
  get(ctx: Context, granter: string, grantee: string, msgTypeUrl: string): GrantRecord | undefined;
  save(ctx: Context, grant: GrantRecord): void;
  revoke(ctx: Context, granter: string, grantee: string, msgTypeUrl: string): void;
  pruneExpired(ctx: Context): void;
  /** Unexpired DepositAuthorizations given to `grantee`, in granter order. */
  depositGrants(ctx: Context, grantee: string): Array<{ granter: string; scopes: DepositScope[]; spendLimits: Coin[] }>;
  /** Takes `coin` from a deposit grant's limits (TryAccept with the updated grant saved, even when used up). */
  spendGrant(ctx: Context, granter: string, grantee: string, coin: Coin): void;
  /** Gives `coin` back to a still-existing deposit grant (escrow refunds of grant-funded deposits). */
  refundGrant(ctx: Context, granter: string, grantee: string, coin: Coin): void;
}

export function createAuthzKeeper(): AuthzKeeper {
  const grants = (ctx: Context, prefix = "") =>
    ctx.store.entries<StoredGrant>(grantsPrefix + prefix).map(([key, stored]): [string, GrantRecord] => [key, toRecord(key, stored)]);
  const get = (ctx: Context, granter: string, grantee: string, msgTypeUrl: string) => {
    const key = grantKey(granter, grantee, msgTypeUrl);
    const stored = ctx.store.get<StoredGrant>(key);
    return stored && toRecord(key, stored);
  };
  const write = (ctx: Context, grant: GrantRecord) =>
    ctx.store.set<StoredGrant>(grantKey(grant.granter, grant.grantee, grant.msgTypeUrl), {
      typeUrl: grant.authorization.typeUrl,
      value: Buffer.from(grant.authorization.value).toString("base64"),
      ...(grant.expiration && { expiration: { seconds: grant.expiration.seconds.toString(), nanos: grant.expiration.nanos } }),
    });
  const liveDeposit = (ctx: Context, granter: string, grantee: string) => {
    const grant = get(ctx, granter, grantee, accountDepositTypeUrl);
    if (!grant || isExpired(ctx, grant)) return undefined;
    const deposit = decodeDepositGrant(grant.authorization);
    return deposit && { grant, deposit };
  };
  return {
    grants,
    get,
    save(ctx, grant) {
      if (grant.expiration && expiresAtMs(grant.expiration) <= ctx.block.time.getTime()) {
        throw authzErrors.invalidExpirationTime;
      }
      write(ctx, grant);
      ctx.events.emitTyped("cosmos.authz.v1beta1.EventGrant", { msg_type_url: grant.msgTypeUrl, granter: grant.granter, grantee: grant.grantee });
    },
    revoke(ctx, granter, grantee, msgTypeUrl) {
      const key = grantKey(granter, grantee, msgTypeUrl);
      if (!ctx.store.has(key)) throw authzErrors.noAuthorizationFound.wrap(`failed to delete grant with key ${Buffer.from(key).toString("hex")}`);
      ctx.store.delete(key);
      ctx.events.emitTyped("cosmos.authz.v1beta1.EventRevoke", { msg_type_url: msgTypeUrl, granter, grantee });
    },
    pruneExpired(ctx) {
      for (const [key, grant] of grants(ctx)) if (isExpired(ctx, grant)) ctx.store.delete(key);
    },
    depositGrants: (ctx, grantee) =>
      grants(ctx)
        .map(([, grant]) => grant)
        .filter((g) => g.grantee === grantee && g.msgTypeUrl === accountDepositTypeUrl && !isExpired(ctx, g))
        .flatMap((g) => {
          const deposit = decodeDepositGrant(g.authorization);
          return deposit ? [{ granter: g.granter, ...deposit }] : [];
        }),
    spendGrant(ctx, granter, grantee, coin) {
      const live = liveDeposit(ctx, granter, grantee);
      if (!live) throw authzErrors.noAuthorizationFound;
      const limit = live.deposit.spendLimits.find((c) => c.denom === coin.denom);
      if (!limit || BigInt(limit.amount) < BigInt(coin.amount)) throw sdkErrors.insufficientFunds.wrap("requested amount is more than spend limit");
      const spendLimits = addCoins(live.deposit.spendLimits, [{ denom: coin.denom, amount: (-BigInt(coin.amount)).toString() }]);
      write(ctx, { ...live.grant, authorization: encodeDepositGrant({ scopes: live.deposit.scopes, spendLimits }) });
    },
    refundGrant(ctx, granter, grantee, coin) {
      const live = liveDeposit(ctx, granter, grantee);
      if (!live) return;
      const spendLimits = addCoins(live.deposit.spendLimits, [coin]);
      write(ctx, { ...live.grant, authorization: encodeDepositGrant({ scopes: live.deposit.scopes, spendLimits }) });
    },
  };
}
