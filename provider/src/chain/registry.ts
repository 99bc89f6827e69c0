/**
 * The cosmjs type registry for every Akash message a tenant, provider or auditor signs, built from the
 * pinned chain-sdk codecs (never hand-written encoders). Shared by the provider client, the devnet's
 * simulated providers and the tests.
 */
import { Registry, type GeneratedType } from "@cosmjs/proto-signing";
import { defaultRegistryTypes } from "@cosmjs/stargate";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";

type AkashCodec = GeneratedType & { readonly $type: string };

/** All Akash tx messages we send, by codec. */
export const akashMessages: readonly AkashCodec[] = [
  v1beta4.MsgCreateDeployment,
  v1beta4.MsgUpdateDeployment,
  v1beta4.MsgCloseDeployment,
  v1beta4.MsgCloseGroup,
  v1beta4.MsgPauseGroup,
  v1beta4.MsgStartGroup,
  v1beta4.MsgCreateProvider,
  v1beta4.MsgUpdateProvider,
  v1beta4.MsgDeleteProvider,
  v1beta5.MsgCreateBid,
  v1beta5.MsgCloseBid,
  v1beta5.MsgCreateLease,
  v1beta5.MsgCloseLease,
  v1beta5.MsgWithdrawLease,
  v1.MsgAccountDeposit,
  v1.MsgCreateCertificate,
  v1.MsgRevokeCertificate,
  v1.MsgSignProviderAttributes,
  v1.MsgDeleteProviderAttributes,
  v1.MsgMintACT,
  v1.MsgBurnACT,
  v1.MsgBurnMint,
] as unknown as AkashCodec[];

/** "/akash.deployment.v1beta4.MsgCreateDeployment" for the codec MsgCreateDeployment. */
export function typeUrlOf(codec: { readonly $type: string }): string {
  return `/${codec.$type}`;
}

export function createAkashRegistry(): Registry {
  return new Registry([...defaultRegistryTypes, ...akashMessages.map((c): [string, GeneratedType] => [typeUrlOf(c), c])]);
}
