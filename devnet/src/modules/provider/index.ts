/**
 * provider (akash.provider.v1beta4): providers register their host URI and attributes.
 * Keeper for other modules: `get(ctx, owner)`.
 */
import type { Module } from "../../chain/types";
import { createProviderKeeper } from "./keeper";
import { providerMsgHandlers } from "./msgs";
import { providerQueries } from "./queries";
import { MsgCreateProvider, MsgDeleteProvider, MsgUpdateProvider } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";

export type { ProviderKeeper, ProviderRecord } from "./keeper";

export function createModule(): Module {
  const keeper = createProviderKeeper();
  return {
    name: "provider",
    msgs: providerMsgHandlers(keeper),
    queries: providerQueries(keeper),
    keeper,
    aminoTypes: {
      [`/${MsgCreateProvider.$type}`]: "provider/MsgCreateProvider",
      [`/${MsgUpdateProvider.$type}`]: "provider/MsgUpdateProvider",
      [`/${MsgDeleteProvider.$type}`]: "provider/MsgDeleteProvider",
    },
  };
}
