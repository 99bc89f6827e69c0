// A resource hook's way onto the chain from the provider config: a signing client (tx queue included) for
// operations that sign, a plain connection for reads, so refresh and diff work without a mnemonic.
import { connectAkashClient, type AkashClient } from "../chain/client";
import { ChainConnection } from "../chain/connection";
import { requireMnemonic, type AkashConfig } from "./config";

/** Fails with the config key and fix when no mnemonic is configured. */
export function signingClient(config: AkashConfig, log?: (message: string) => void): Promise<AkashClient> {
  return connectAkashClient({
    rpcEndpoints: config.rpcEndpoints,
    chainId: config.chainId,
    mnemonic: requireMnemonic(config),
    gasPrice: config.gasPrice,
    log,
  });
}

export function queryConnection(config: AkashConfig): Promise<ChainConnection> {
  return ChainConnection.connect({ endpoints: config.rpcEndpoints, chainId: config.chainId });
}
