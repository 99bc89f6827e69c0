/**
 * `akash.escrow.v1.DepositAuthorization` as node v2.1 defines it. The pinned chain-sdk (alpha.25)
 * codec predates field 3 `spend_limits` (repeated Coin), which v2.1 requires (the old single
 * `spend_limit` must be zero), so this wraps the generated codec and carries field 3 with the
 * generated Coin codecs.
 */
import { DepositAuthorization as GeneratedDepositAuthorization, DepositAuthorization_Scope } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { Coin as SdkCoin } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { BinaryReader } from "cosmjs-types/binary";
import { Coin } from "cosmjs-types/cosmos/base/v1beta1/coin";
import type { Coin as CoinLike } from "../../chain/types";

export { DepositAuthorization_Scope };

export interface DepositAuthorizationV21 {
  spendLimit?: CoinLike;
  scopes: DepositAuthorization_Scope[];
  spendLimits: CoinLike[];
}

const spendLimitsField = 3;

export const DepositAuthorization = {
  typeUrl: `/${GeneratedDepositAuthorization.$type}`,

  encode(message: DepositAuthorizationV21): { finish(): Uint8Array } {
    const writer = GeneratedDepositAuthorization.encode(GeneratedDepositAuthorization.fromPartial(message));
    for (const coin of message.spendLimits) {
      writer.uint32((spendLimitsField << 3) | 2).fork();
      SdkCoin.encode(SdkCoin.fromPartial(coin), writer);
      writer.join();
    }
    return writer;
  },

  decode(bytes: Uint8Array): DepositAuthorizationV21 {
    const base = GeneratedDepositAuthorization.decode(bytes);
    const spendLimits: CoinLike[] = [];
    const reader = new BinaryReader(bytes);
    while (reader.pos < reader.len) {
      const [field, wireType] = reader.tag();
      if (field === spendLimitsField) {
        const coin = Coin.decode(reader.bytes());
        spendLimits.push({ denom: coin.denom, amount: coin.amount });
      } else reader.skipType(wireType);
    }
    return { spendLimit: base.spendLimit, scopes: base.scopes, spendLimits };
  },
};
