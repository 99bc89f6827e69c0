/**
 * cert (akash.cert.v1): on-chain mTLS client/server certificates.
 * Keeper for other modules: `get(ctx, owner, serial)`.
 */
import { MsgCreateCertificate, MsgRevokeCertificate } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { Module } from "../../chain/types";
import { createCertKeeper } from "./keeper";
import { certMsgHandlers } from "./msgs";
import { certQueries } from "./queries";

export type { CertKeeper, CertState } from "./keeper";

export function createModule(): Module {
  const keeper = createCertKeeper();
  return {
    name: "cert",
    msgs: certMsgHandlers(keeper),
    queries: certQueries(keeper),
    keeper,
    aminoTypes: {
      [`/${MsgCreateCertificate.$type}`]: "akash-sdk/x/cert/MsgCreateCertificate",
      [`/${MsgRevokeCertificate.$type}`]: "akash-sdk/x/cert/MsgRevokeCertificate",
    },
  };
}
