/**
 * The authorization types a grant may carry: cosmos GenericAuthorization and SendAuthorization, and
 * Akash's DepositAuthorization (escrow deposits from the granter's balance, by scope, up to limits).
 */
import { GenericAuthorization } from "cosmjs-types/cosmos/authz/v1beta1/authz";
import { SendAuthorization } from "cosmjs-types/cosmos/bank/v1beta1/authz";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { sdkErrors } from "../../chain/errors";
import type { Coin } from "../../chain/types";
import { isAccAddress } from "../registry-kit/address";
import { addCoins, coinsValid } from "../registry-kit/coins";
import { DepositAuthorization, DepositAuthorization_Scope } from "./deposit-authorization";
import { escrowAuthzErrors } from "./errors";

export const depositAuthorizationTypeUrl = DepositAuthorization.typeUrl;
export const genericAuthorizationTypeUrl = GenericAuthorization.typeUrl;
export const sendAuthorizationTypeUrl = SendAuthorization.typeUrl;
/** The message a DepositAuthorization authorizes (DepositAuthorization.MsgTypeURL). */
export const accountDepositTypeUrl = "/akash.escrow.v1.MsgAccountDeposit";

export type DepositScope = "deployment" | "bid";

export interface DepositGrant {
  scopes: DepositScope[];
  spendLimits: Coin[];
}

const scopeNames: Partial<Record<DepositAuthorization_Scope, DepositScope>> = {
  [DepositAuthorization_Scope.deployment]: "deployment",
  [DepositAuthorization_Scope.bid]: "bid",
};

/** The message type a grant's authorization covers; throws the node's error for unusable ones. */
export function authorizationMsgType(any: Any): string {
  switch (any.typeUrl) {
    case genericAuthorizationTypeUrl:
      return GenericAuthorization.decode(any.value).msg;
    case sendAuthorizationTypeUrl:
      return "/cosmos.bank.v1beta1.MsgSend";
    case depositAuthorizationTypeUrl:
      return accountDepositTypeUrl;
    default:
      throw sdkErrors.txDecode.wrap(`unable to resolve type URL ${any.typeUrl}`);
  }
}

/** `Authorization.ValidateBasic` of the supported types. */
export function validateAuthorization(any: Any): void {
  if (any.typeUrl === sendAuthorizationTypeUrl) {
    const send = SendAuthorization.decode(any.value);
    if (send.spendLimit.length === 0) throw sdkErrors.invalidCoins.wrap("spend limit cannot be nil");
    if (!coinsValid(send.spendLimit)) throw sdkErrors.invalidCoins.wrap("spend limit must be positive");
    const seen = new Set<string>();
    for (const address of send.allowList) {
      if (!isAccAddress(address)) throw sdkErrors.invalidAddress.wrap(`invalid allowed address ${address}`);
      if (seen.has(address)) throw sdkErrors.invalidAddress.wrap("all allow list addresses must be unique");
      seen.add(address);
    }
  }
  if (any.typeUrl === depositAuthorizationTypeUrl) {
    const deposit = DepositAuthorization.decode(any.value);
    if (deposit.scopes.length === 0) throw escrowAuthzErrors.invalidAuthzScope.wrap("empty scope");
    const seen = new Set<number>();
    for (const scope of deposit.scopes) {
      if (scopeNames[scope] === undefined) throw escrowAuthzErrors.invalidAuthzScope.wrap(`invalid scope "${scope}"`);
      if (seen.has(scope)) throw escrowAuthzErrors.invalidAuthzScope.wrap(`duplicate scope "${scopeNames[scope]}"`);
      seen.add(scope);
    }
    if (deposit.spendLimit && BigInt(deposit.spendLimit.amount || "0") !== 0n) {
      throw sdkErrors.invalidCoins.wrap("spend limit is deprecated and must be zero");
    }
    if (!coinsValid(deposit.spendLimits)) throw sdkErrors.invalidCoins.wrap("spend limits are not valid");
  }
}

/** A DepositAuthorization's scopes and spendable limits (the deprecated single limit folded in). */
export function decodeDepositGrant(any: Any): DepositGrant | undefined {
  if (any.typeUrl !== depositAuthorizationTypeUrl) return undefined;
  const deposit = DepositAuthorization.decode(any.value);
  const legacy = deposit.spendLimit && BigInt(deposit.spendLimit.amount || "0") > 0n ? [deposit.spendLimit] : [];
  return {
    scopes: deposit.scopes.map((s) => scopeNames[s]).filter((s): s is DepositScope => s !== undefined),
    spendLimits: addCoins(deposit.spendLimits, legacy),
  };
}

/** Re-encodes a deposit grant the way TryAccept saves the updated authorization. */
export function encodeDepositGrant(grant: DepositGrant): Any {
  const scopes = grant.scopes.map((s) => (s === "deployment" ? DepositAuthorization_Scope.deployment : DepositAuthorization_Scope.bid));
  const value = DepositAuthorization.encode({ scopes, spendLimit: { denom: "uakt", amount: "0" }, spendLimits: grant.spendLimits }).finish();
  return { typeUrl: depositAuthorizationTypeUrl, value };
}
