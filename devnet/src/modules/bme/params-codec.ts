/**
 * `akash.bme.v1.QueryParamsResponse` as node v2.1 encodes it. The pinned chain-sdk (alpha.25) Params
 * codec predates fields 9 `min_mint` (repeated Coin) and 10 `max_pending_attempts` (uint32); this
 * wraps the generated codecs and carries those two fields, so v2.1 clients (Console reads min_mint)
 * see them while alpha.25 clients skip them.
 */
import { Params as GeneratedParams } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { Coin as SdkCoin } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { BinaryReader, BinaryWriter } from "cosmjs-types/binary";
import { Coin } from "cosmjs-types/cosmos/base/v1beta1/coin";
import type { BmeParams } from "./params";

const paramsField = 1;
const minMintField = 9;
const maxPendingAttemptsField = 10;

function encodeParams(params: BmeParams): Uint8Array {
  const writer = GeneratedParams.encode(GeneratedParams.fromPartial(params));
  for (const coin of params.minMint) {
    writer.uint32((minMintField << 3) | 2).fork();
    SdkCoin.encode(SdkCoin.fromPartial(coin), writer);
    writer.join();
  }
  if (params.maxPendingAttempts !== 0) writer.uint32(maxPendingAttemptsField << 3).uint32(params.maxPendingAttempts);
  return writer.finish();
}

function decodeParams(bytes: Uint8Array): BmeParams {
  const base = GeneratedParams.decode(bytes);
  const params: BmeParams = { ...base, minEpochBlocks: Number(base.minEpochBlocks.toString()), minMint: [], maxPendingAttempts: 0 };
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    if (field === minMintField) {
      const coin = Coin.decode(reader.bytes());
      params.minMint.push({ denom: coin.denom, amount: coin.amount });
    } else if (field === maxPendingAttemptsField) params.maxPendingAttempts = reader.uint32();
    else reader.skipType(wireType);
  }
  return params;
}

export interface ParamsResponse {
  params: BmeParams;
}

export const QueryParamsResponseV21 = {
  $type: "akash.bme.v1.QueryParamsResponse",
  encode(message: ParamsResponse): { finish(): Uint8Array } {
    return new BinaryWriter().uint32((paramsField << 3) | 2).bytes(encodeParams(message.params));
  },
  decode(bytes: Uint8Array): ParamsResponse {
    const reader = new BinaryReader(bytes);
    let params = decodeParams(new Uint8Array());
    while (reader.pos < reader.len) {
      const [field, wireType] = reader.tag();
      if (field === paramsField) params = decodeParams(reader.bytes());
      else reader.skipType(wireType);
    }
    return { params };
  },
  fromPartial: (message: ParamsResponse): ParamsResponse => message,
  /** proto-JSON (camelCase; the REST layer renames to snake_case), int64 as string like the gateway. */
  toJSON: ({ params }: ParamsResponse) => ({ params: { ...params, minEpochBlocks: String(params.minEpochBlocks) } }),
};
