/**
 * The local Akash devnet: the chain (CometBFT JSON-RPC + REST on loopback) plus the simulated
 * providers, which are ordinary RPC clients of the chain.
 */
import * as path from "node:path";
import { startChain, type ChainHandle } from "./chain/chain";
import type { Coin } from "./chain/types";
import { parseDevnetConfig, resolveGenesis, type DevnetConfigInput } from "./config";
import { createModules } from "./modules";
import {
  defaultProviderConfigs,
  providerGenesisAccounts,
  startProviders,
  type ProviderConfig,
  type ProvidersHandle,
  type ProviderTiming,
} from "./providers";

export type { ChainHandle } from "./chain/chain";
export { demoMnemonic, auditorMnemonic } from "./config";

export interface DevnetOptions {
  /** persist chain data here; omitted = in memory only */
  dataDir?: string;
  /** CometBFT RPC port (default 26657); 0 = any free port */
  port?: number;
  /** REST port (default any free port); false = no REST server */
  restPort?: number | false;
  blockTimeMs?: number;
  /** wipe dataDir first */
  reset?: boolean;
  chainId?: string;
  /** validator minimum gas price (default 0.0025uakt) */
  minGasPrice?: string;
  demoMnemonic?: string;
  auditorMnemonic?: string;
  accounts?: Array<{ mnemonicOrAddress: string; coins: Coin[] }>;
  /** simulated providers; default defaultProviderConfigs(); false = none */
  providers?: false | ProviderConfig[];
  /** simulated providers' timing (bid timeout, manifest timeout, withdraw period...) */
  providerTiming?: ProviderTiming;
  quiet?: boolean;
  /** module genesis sections by module name, e.g. { deployment: { params: {...} } } */
  genesis?: Record<string, unknown>;
}

export interface Devnet {
  rpcUrl: string;
  restUrl?: string;
  chainId: string;
  demoMnemonic: string;
  demoAddress: string;
  auditorAddress: string;
  providers: ProvidersHandle | undefined;
  chain: ChainHandle;
  stop(): Promise<void>;
}

export async function startDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  const providerConfigs = options.providers === false ? [] : (options.providers ?? defaultProviderConfigs());
  const input: DevnetConfigInput = {
    chainId: options.chainId,
    blockTimeMs: options.blockTimeMs,
    minGasPrice: options.minGasPrice,
    demo: options.demoMnemonic ? { mnemonic: options.demoMnemonic } : undefined,
    auditor: options.auditorMnemonic ? { mnemonic: options.auditorMnemonic } : undefined,
    accounts: [...(options.accounts ?? []), ...providerGenesisAccounts(providerConfigs)],
    modules: options.genesis,
  };
  const config = parseDevnetConfig(input, "startDevnet options");
  const log = options.quiet ? undefined : (line: string) => console.error(line);
  const chain = await startChain({
    genesis: await resolveGenesis(config),
    modules: createModules(),
    blockTimeMs: config.blockTimeMs,
    dataDir: options.dataDir,
    reset: options.reset,
    port: options.port ?? 26657,
    restPort: options.restPort,
    log,
  });
  let providers: ProvidersHandle | undefined;
  if (providerConfigs.length > 0) {
    try {
      providers = await startProviders({
        rpcUrl: chain.rpcUrl,
        chainId: chain.genesis.chainId,
        auditorMnemonic: config.auditor.mnemonic,
        configs: providerConfigs,
        blockTimeMs: config.blockTimeMs,
        quiet: options.quiet,
        timing: options.providerTiming,
        stateDir: options.dataDir === undefined ? undefined : path.join(options.dataDir, "providers"),
      });
    } catch (err) {
      await chain.stop();
      throw err;
    }
  }
  return {
    rpcUrl: chain.rpcUrl,
    restUrl: chain.restUrl,
    chainId: chain.genesis.chainId,
    demoMnemonic: config.demo.mnemonic,
    demoAddress: chain.genesis.demoAddress,
    auditorAddress: chain.genesis.auditorAddress,
    providers,
    chain: chain.handle,
    async stop() {
      await providers?.stop();
      await chain.stop();
    },
  };
}
