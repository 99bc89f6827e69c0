// The provider's stack config keys (`akash:<name>`), as read by resources/config.ts.
import { DEFAULT_GAS_PRICE, DEFAULT_NETWORK } from "../resources/config";
import type { ConfigVariableSpec } from "./pulumiSchema";

export const CONFIG_VARIABLES: Record<string, ConfigVariableSpec> = {
  mnemonic: {
    type: "string",
    secret: true,
    description: "BIP39 mnemonic (12 or 24 words) of the wallet that signs and pays. Env fallback AKASH_MNEMONIC.",
  },
  network: {
    type: "string",
    default: DEFAULT_NETWORK,
    description: "mainnet, sandbox or devnet: picks the default chain id, RPC endpoint and auditor. Env AKASH_NETWORK.",
  },
  rpcEndpoint: {
    type: "string",
    description: 'CometBFT RPC URL, or a JSON list of URLs tried in order (failover). Env AKASH_RPC_ENDPOINT.',
  },
  chainId: { type: "string", description: "Chain id, e.g. akashnet-2. Default: the network's. Env AKASH_CHAIN_ID." },
  gasPrice: {
    type: "string",
    default: DEFAULT_GAS_PRICE,
    description: "Gas price in uakt (fees are paid in AKT). Env AKASH_GAS_PRICE.",
  },
  auditor: {
    type: "string",
    description: "Address of the auditor whose signed attributes mark a provider audited. Default: the network's. Env AKASH_AUDITOR.",
  },
};
