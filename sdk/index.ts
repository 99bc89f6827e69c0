// pulumi-akash: typed Pulumi resources for the Akash Network.
// Every resource is a `pulumi.dynamic.Resource` subclass registered as `pulumi-nodejs:dynamic/akash:<Type>`
// (module "akash", type "<Type>"), whose provider hooks load their implementation from provider/src/resources
// at call time. Resource classes are exported here as they are added.
export {
  AkashConfigError,
  DEFAULT_GAS_PRICE,
  DEFAULT_NETWORK,
  NETWORKS,
  resolveAkashConfig,
  type AkashConfig,
  type AkashNetwork,
  type NetworkProfile,
} from "../provider/src/resources/config";

export { AKASH_MODULE, akashTypeToken } from "./token";
export { Deployment, readSdl, type DeploymentArgs, type GatewayAuthArgs } from "./deployment";
export { Escrow, type EscrowArgs } from "./escrow";
export { Certificate, type CertificateArgs } from "./certificate";
export { Wallet, type WalletArgs } from "./wallet";
