/**
 * feegrant (cosmos.feegrant.v1beta1): BasicAllowance fee grants. The ante handler pays a tx's fee from
 * the granter named in its fee by calling `useGrantedFees(ctx, granter, feePayer, fee)` on this keeper.
 */
import type { Module } from "../../chain/types";
import { createFeegrantKeeper } from "./keeper";
import { feegrantMsgHandlers } from "./msgs";
import { feegrantQueries } from "./queries";

export type { FeegrantKeeper } from "./keeper";

export function createModule(): Module {
  const keeper = createFeegrantKeeper();
  return {
    name: "feegrant",
    msgs: feegrantMsgHandlers(keeper),
    queries: feegrantQueries(keeper),
    keeper,
    aminoTypes: {
      "/cosmos.feegrant.v1beta1.MsgGrantAllowance": "cosmos-sdk/MsgGrantAllowance",
      "/cosmos.feegrant.v1beta1.MsgRevokeAllowance": "cosmos-sdk/MsgRevokeAllowance",
    },
    endBlock: (ctx) => keeper.pruneExpired(ctx),
  };
}
