/** Escrow top-up (akash.escrow.v1.MsgAccountDeposit) of a deployment's account, by any signer. */
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { Coin } from "@cosmjs/stargate";
import { MsgAccountDeposit, Scope } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { typeUrlOf } from "../registry";
import { depositSources, type DeploymentRef } from "../deployment/messages";

/** The deployment escrow account id: scope deployment, xid "<owner>/<dseq>". */
export function deploymentEscrowId(d: DeploymentRef) {
  return { scope: Scope.deployment, xid: `${d.owner}/${String(d.dseq)}` };
}

export function msgDepositDeployment(args: { signer: string; deployment: DeploymentRef; amount: Coin; fromGrant?: boolean }): EncodeObject {
  if (!/^[1-9]\d*$/.test(args.amount.amount)) throw new Error(`deposit amount must be a positive integer, got "${args.amount.amount}"`);
  return {
    typeUrl: typeUrlOf(MsgAccountDeposit),
    value: MsgAccountDeposit.fromPartial({
      signer: args.signer,
      id: deploymentEscrowId(args.deployment),
      deposit: { amount: args.amount, sources: depositSources(args.fromGrant) },
    }),
  };
}
