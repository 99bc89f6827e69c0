/**
 * audit (akash.audit.v1): auditors sign provider attributes, which placement `signed_by` relies on.
 * Keeper for other modules: `attributes(ctx, owner)`.
 */
import { MsgDeleteProviderAttributes, MsgSignProviderAttributes } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { Module } from "../../chain/types";
import { createAuditKeeper } from "./keeper";
import { auditMsgHandlers } from "./msgs";
import { auditQueries } from "./queries";

export type { AuditKeeper, AuditedProvider } from "./keeper";

export function createModule(): Module {
  const keeper = createAuditKeeper();
  return {
    name: "audit",
    msgs: auditMsgHandlers(keeper),
    queries: auditQueries(keeper),
    keeper,
    aminoTypes: {
      [`/${MsgSignProviderAttributes.$type}`]: "akash-sdk/x/audit/MsgSignProviderAttributes",
      [`/${MsgDeleteProviderAttributes.$type}`]: "akash-sdk/x/audit/MsgDeleteProviderAttributes",
    },
  };
}
