/**
 * authz (cosmos.authz.v1beta1): grants, notably escrow DepositAuthorization so a granter funds
 * another account's deployments. Keeper for escrow: `depositGrants`, `spendGrant`, `refundGrant`.
 */
import type { Module } from "../../chain/types";
import { createAuthzKeeper } from "./keeper";
import { authzMsgHandlers } from "./msgs";
import { authzQueries } from "./queries";

export type { AuthzKeeper } from "./keeper";

export function createModule(): Module {
  const keeper = createAuthzKeeper();
  return {
    name: "authz",
    msgs: authzMsgHandlers(keeper),
    queries: authzQueries(keeper),
    keeper,
    aminoTypes: { "/cosmos.authz.v1beta1.MsgGrant": "cosmos-sdk/MsgGrant", "/cosmos.authz.v1beta1.MsgRevoke": "cosmos-sdk/MsgRevoke" },
    beginBlock: (ctx) => keeper.pruneExpired(ctx),
  };
}
