/** bme v1 message handlers (node x/bme/handler/server.go, chain-sdk go/node/bme/v1/msgs.go). */
import {
  MsgBurnACT,
  MsgBurnACTResponse,
  MsgBurnMint,
  MsgBurnMintResponse,
  MsgMintACT,
  MsgMintACTResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { Coin, MsgHandler } from "../../chain/types";
import { requireAddress } from "../registry-kit/address";
import { sdkErrors } from "../../chain/errors";
import { bmeErrors } from "./errors";
import { uact, uakt, type BmeKeeper } from "./keeper";
import type { LedgerRecordId } from "./ledger";

const denomPattern = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;

interface BurnRequest {
  owner: string;
  to: string;
  coinsToBurn?: Coin;
}

/** cosmos `Coin.Validate` message, or undefined when the coin is valid. */
function coinProblem(coin: Coin): string | undefined {
  if (!denomPattern.test(coin.denom)) return `invalid denom: ${coin.denom}`;
  if (!/^-?\d+$/.test(coin.amount)) return "amount is nil";
  if (BigInt(coin.amount) < 0n) return `negative coin amount: ${coin.amount}`;
  return undefined;
}

/** Shared ValidateBasic of MsgMintACT / MsgBurnACT / MsgBurnMint. */
export function validateBurnRequest(msg: BurnRequest): void {
  requireAddress("owner", msg.owner);
  requireAddress("to", msg.to);
  if (msg.owner !== msg.to) throw bmeErrors.unauthorized.wrap("owner and to addresses must match");
  const coin = msg.coinsToBurn ?? { denom: "", amount: "" };
  const problem = coinProblem(coin);
  if (problem) throw sdkErrors.invalidCoins.wrap(`invalid coins: ${problem}`);
  if (BigInt(coin.amount) === 0n) throw bmeErrors.invalidAmount.wrap("amount must not be 0");
}

function idResponse(id: LedgerRecordId) {
  // The node answers with the record id only (status stays unset until the epoch executes it).
  return { id: { ...id, height: BigInt(id.height), sequence: BigInt(id.sequence) } };
}

export function bmeMsgHandlers(keeper: BmeKeeper): MsgHandler<any>[] {
  const fixedRoute = <T extends BurnRequest>(
    codec: { $type: string } & MsgHandler<T>["codec"],
    response: { fromPartial(o: any): unknown } & MsgHandler<T>["response"],
    toDenom: string,
  ): MsgHandler<T> => ({
    typeUrl: `/${codec.$type}`,
    codec,
    response,
    signers: (msg) => [msg.owner],
    validateBasic: validateBurnRequest,
    handle: (ctx, msg) => response.fromPartial(idResponse(keeper.requestBurnMint(ctx, msg.owner, msg.to, msg.coinsToBurn!, toDenom))),
  });
  const burnMint: MsgHandler<MsgBurnMint> = {
    typeUrl: `/${MsgBurnMint.$type}`,
    codec: MsgBurnMint,
    response: MsgBurnMintResponse,
    signers: (msg) => [msg.owner],
    validateBasic(msg) {
      validateBurnRequest(msg);
      if (!denomPattern.test(msg.denomToMint)) throw bmeErrors.invalidDenom.wrap(`invalid denom to mint: invalid denom: ${msg.denomToMint}`);
    },
    handle: (ctx, msg) => MsgBurnMintResponse.fromPartial(idResponse(keeper.requestBurnMint(ctx, msg.owner, msg.to, msg.coinsToBurn!, msg.denomToMint))),
  };
  return [fixedRoute(MsgMintACT, MsgMintACTResponse, uact), fixedRoute(MsgBurnACT, MsgBurnACTResponse, uakt), burnMint];
}
