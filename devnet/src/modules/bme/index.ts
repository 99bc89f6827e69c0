/**
 * bme (akash.bme.v1): burn AKT to mint ACT (and back), executed at mint/burn epochs in EndBlock.
 * Devnet genesis section `bme`: `{ params?, aktPriceUsd? (default "1.0"), vaultSeedUakt? }` (params.ts).
 */
import { MsgBurnACT, MsgBurnMint, MsgMintACT } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { Module } from "../../chain/types";
import { createBmeKeeper } from "./keeper";
import { bmeMsgHandlers } from "./msgs";
import { parseBmeGenesis } from "./params";
import { bmeQueries } from "./queries";

export type { BmeKeeper } from "./keeper";

export function createModule(): Module {
  const keeper = createBmeKeeper();
  return {
    name: "bme",
    msgs: bmeMsgHandlers(keeper),
    queries: bmeQueries(keeper),
    keeper,
    aminoTypes: {
      [`/${MsgMintACT.$type}`]: "akash-sdk/x/bme/MsgMintACT",
      [`/${MsgBurnACT.$type}`]: "akash-sdk/x/bme/MsgBurnACT",
      [`/${MsgBurnMint.$type}`]: "akash-sdk/x/bme/MsgBurnMint",
    },
    initGenesis: (ctx, genesis) => keeper.initGenesis(ctx, parseBmeGenesis(genesis)),
    endBlock: (ctx) => keeper.endBlock(ctx),
  };
}
