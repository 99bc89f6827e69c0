/** Tenant deployment messages (akash.deployment.v1beta4), as cosmjs EncodeObjects for the tx queue. */
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { Coin } from "@cosmjs/stargate";
import {
  MsgCloseDeployment,
  MsgCreateDeployment,
  MsgUpdateDeployment,
  type GroupSpec,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { typeUrlOf } from "../registry";

export interface DeploymentRef {
  owner: string;
  dseq: string | bigint;
}

export function msgCreateDeployment(args: DeploymentRef & { groups: GroupSpec[]; hash: Uint8Array; deposit: Coin; fromGrant?: boolean }): EncodeObject {
  if (args.hash.length !== 32) throw new Error(`manifest hash must be 32 bytes, got ${args.hash.length}`);
  return {
    typeUrl: typeUrlOf(MsgCreateDeployment),
    value: MsgCreateDeployment.fromPartial({
      id: { owner: args.owner, dseq: String(args.dseq) },
      groups: args.groups,
      hash: args.hash,
      deposit: { amount: args.deposit, sources: depositSources(args.fromGrant) },
    }),
  };
}

export function msgUpdateDeployment(args: DeploymentRef & { hash: Uint8Array }): EncodeObject {
  return {
    typeUrl: typeUrlOf(MsgUpdateDeployment),
    value: MsgUpdateDeployment.fromPartial({ id: { owner: args.owner, dseq: String(args.dseq) }, hash: args.hash }),
  };
}

export function msgCloseDeployment(args: DeploymentRef): EncodeObject {
  return { typeUrl: typeUrlOf(MsgCloseDeployment), value: MsgCloseDeployment.fromPartial({ id: { owner: args.owner, dseq: String(args.dseq) } }) };
}

/** Grant first (an authz deposit grant pays when present, like Console), then the signer's balance. */
export function depositSources(fromGrant = false): Source[] {
  return fromGrant ? [Source.grant, Source.balance] : [Source.balance];
}
