/**
 * Simulated Akash providers for the devnet: each is a chain client (like the real provider daemon) that
 * registers itself, bids on matching orders, and serves the provider gateway over HTTPS on loopback.
 */
import type { Coin } from "@cosmjs/stargate";
import type { ScalePricing } from "./pricing";

export interface ProviderAttribute {
  key: string;
  value: string;
}

/** Per-block prices in the order's denom (uakt or uact), the real provider's "scale" strategy plus GPUs. */
export type ProviderPricing = ScalePricing;

export interface ProviderGpu {
  vendor: string;
  model: string;
  ram?: string;
  interface?: string;
  units: number;
}

export interface ProviderConfig {
  name: string;
  mnemonic: string;
  region: string;
  /** extra attributes; host, region, organization, storage and GPU capabilities are derived */
  attributes: ProviderAttribute[];
  /** the devnet auditor signs all its attributes */
  audited: boolean;
  pricing: ProviderPricing;
  gpus?: ProviderGpu[];
  capacity: { cpuMillis: number; memoryBytes: number; storageBytes: number };
  /** like an unreliable real provider: skips ~30% of orders, bids up to 2 s late, every fifth gateway request fails with 500 */
  flaky?: boolean;
  /** accepts manifests, but no replica ever becomes available (lease status answers 0/N); also faults.neverReady */
  neverReady?: boolean;
  /** the gateway authenticates only mTLS clients, never reading a JWT (like a provider without JWT support) */
  mtlsOnly?: boolean;
  /** leased IPs it can hand out (0 = none) */
  ipCount?: number;
  /** fixed gateway port (0/undefined = the port of the previous run when the data dir is kept, else any free one) */
  gatewayPort?: number;
  /** deposit put on every bid (the real provider's --bid-deposit); default 500000uakt */
  bidDeposit?: Coin;
  email?: string;
  website?: string;
}

export interface ProviderTiming {
  /** withdraw an unaccepted bid after this long (real default 5 min) */
  bidTimeoutMs?: number;
  /** close a lease that received no manifest after this long (real default 5 min) */
  manifestTimeoutMs?: number;
  /** withdraw lease earnings this often (real default 24 h) */
  withdrawPeriodMs?: number;
  /** how often the provider looks for a new block (then its leases and the open orders); default 500 */
  pollMs?: number;
  /** simulated container start-up time per replica; default 300 */
  startupDelayMs?: number;
}

export interface ProviderFaults {
  /** offline: the gateway refuses connections and the provider stops bidding and acting on chain */
  offline(on: boolean): Promise<void>;
  gateway5xx(on: boolean): void;
  noBids(on: boolean): void;
  slowBidsMs(ms: number): void;
  /** manifests are accepted, but the lease status reports no replica available until it is turned off */
  neverReady(on: boolean): void;
  closeLease(dseq: string | number | bigint, gseq: number, oseq: number): Promise<void>;
}

export interface ProviderHandle {
  name: string;
  address: string;
  hostUri: string;
  faults: ProviderFaults;
}

export interface ProvidersHandle {
  providers: ProviderHandle[];
  stop(): Promise<void>;
}

export interface StartProvidersOptions {
  rpcUrl: string;
  chainId: string;
  auditorMnemonic: string;
  /** pricing is written per mainnet block (6.098 s) and rescaled to this block time (default: unscaled) */
  configs: ProviderConfig[];
  blockTimeMs?: number;
  timing?: ProviderTiming;
  quiet?: boolean;
  /** keep deployed manifests, gateway ports and keys here (e.g. <devnet dataDir>/providers) so providers and their services survive a devnet restart */
  stateDir?: string;
}

export { defaultProviderConfigs, deterministicMnemonic, parseProviderConfigs, providerAttributes, providerGenesisAccounts } from "./config";
export { startProviders } from "./start";
export type { Coin, ScalePricing };
