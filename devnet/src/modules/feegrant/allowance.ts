/**
 * BasicAllowance (cosmos x/feegrant/basic_fee.go): an optional total spend limit and expiry for the
 * fees a granter pays on a grantee's behalf. Other allowance types are refused.
 */
import { BasicAllowance } from "cosmjs-types/cosmos/feegrant/v1beta1/feegrant";
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { Timestamp } from "cosmjs-types/google/protobuf/timestamp";
import { sdkErrors } from "../../chain/errors";
import type { Coin } from "../../chain/types";
import { coinsValid, subCoins } from "../registry-kit/coins";
import { feegrantErrors } from "./errors";

export interface Allowance {
  spendLimit: Coin[];
  expiration?: Timestamp;
}

export const basicAllowanceTypeUrl = BasicAllowance.typeUrl;

export function decodeAllowance(any: Any | undefined): Allowance {
  if (!any) throw sdkErrors.invalidType.wrap("expected feegrant.FeeAllowanceI, got <nil>");
  if (any.typeUrl !== basicAllowanceTypeUrl) throw sdkErrors.txDecode.wrap(`unable to resolve type URL ${any.typeUrl}`);
  const basic = BasicAllowance.decode(any.value);
  return { spendLimit: basic.spendLimit, expiration: basic.expiration };
}

export function encodeAllowance(allowance: Allowance): Any {
  return { typeUrl: basicAllowanceTypeUrl, value: BasicAllowance.encode(BasicAllowance.fromPartial(allowance)).finish() };
}

export const expiresAtMs = (t: Timestamp) => Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6);

/** `BasicAllowance.ValidateBasic`. */
export function validateAllowance(allowance: Allowance): void {
  if (allowance.spendLimit.length > 0 && !coinsValid(allowance.spendLimit)) {
    const invalid = allowance.spendLimit.some((c) => !/^\d+$/.test(c.amount) || BigInt(c.amount) <= 0n);
    throw invalid ? sdkErrors.invalidCoins.wrap("spend limit must be positive") : sdkErrors.invalidCoins.wrap("send amount is invalid");
  }
  if (allowance.expiration && allowance.expiration.seconds < 0n) throw feegrantErrors.invalidDuration.wrap("expiration time cannot be negative");
}

/**
 * `BasicAllowance.Accept`: the allowance after paying `fee` at `now`, and whether it is used up
 * (then the grant is removed). Throws when expired or exceeded.
 */
export function acceptFee(allowance: Allowance, fee: Coin[], now: Date): { remove: boolean; next: Allowance } {
  if (allowance.expiration && expiresAtMs(allowance.expiration) < now.getTime()) throw feegrantErrors.feeLimitExpired.wrap("basic allowance");
  if (allowance.spendLimit.length === 0) return { remove: false, next: allowance };
  const left = subCoins(allowance.spendLimit, fee);
  if (!left) throw feegrantErrors.feeLimitExceeded.wrap("basic allowance");
  return { remove: left.length === 0, next: { ...allowance, spendLimit: left } };
}
