import type { Module } from "../../chain/types";
import { EscrowKeeper } from "./keeper";
import { accountDepositHandler } from "./msgs";
import { accountsQuery, paymentsQuery } from "./queries";

/** akash.escrow.v1: deployment and bid deposit accounts, lease payments, lazy block-by-block settlement. */
export function createModule(): Module {
  const keeper = new EscrowKeeper();
  return {
    name: "escrow",
    keeper,
    msgs: [accountDepositHandler(keeper)],
    queries: [accountsQuery(), paymentsQuery()],
    // chain-sdk registers "akash-sdk/x/escrow/v1/" + Type(), and Type() is the reflect name of a pointer: "".
    aminoTypes: { "/akash.escrow.v1.MsgAccountDeposit": "akash-sdk/x/escrow/v1/" },
  };
}

export { EscrowKeeper } from "./keeper";
export type { AuthzDepositKeeper, EscrowHooks } from "./keeper";
