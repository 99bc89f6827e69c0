// Provider configuration: the `akash:*` stack config a dynamic provider receives in `configure(req)`, with
// AKASH_* environment variables as fallback and per-network defaults. The mnemonic is held in a `Redacted`
// box so it cannot reach logs, errors or JSON by accident.
import { inspect } from "node:util";
import { EnglishMnemonic } from "@cosmjs/crypto";
import { fromBech32 } from "@cosmjs/encoding";
import { GasPrice } from "@cosmjs/stargate";
import { z } from "zod";

export type AkashNetwork = "mainnet" | "sandbox" | "devnet";

/** What a network implies when the user does not say otherwise. */
export interface NetworkProfile {
  chainId: string;
  rpcEndpoints: string[];
  /** The auditor whose signed attributes mark a provider "audited"; undefined = none known. */
  auditor?: string;
  /** Denom of deployment prices and escrow deposits (ACT since node v2.0.0). */
  deploymentDenom: string;
  /** Denom of transaction fees (gas is only payable in AKT). */
  feeDenom: string;
}

export const NETWORKS: Readonly<Record<AkashNetwork, NetworkProfile>> = {
  mainnet: {
    chainId: "akashnet-2",
    rpcEndpoints: ["https://rpc.akashnet.net:443"],
    auditor: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63",
    deploymentDenom: "uact",
    feeDenom: "uakt",
  },
  sandbox: {
    chainId: "sandbox-2",
    rpcEndpoints: ["https://rpc.sandbox-2.aksh.pw:443"],
    deploymentDenom: "uact",
    feeDenom: "uakt",
  },
  // The default devnet genesis (devnet/src/config.ts); a devnet started with another auditor needs akash:auditor.
  devnet: {
    chainId: "akash-devnet-1",
    rpcEndpoints: ["http://127.0.0.1:26657"],
    auditor: "akash13n2s6rg385vtxsfzd6ztm95nalm45fn92cg4gl",
    deploymentDenom: "uact",
    feeDenom: "uakt",
  },
};

export const DEFAULT_NETWORK: AkashNetwork = "mainnet";
export const DEFAULT_GAS_PRICE = "0.025uakt";

/** A secret string that prints as [secret] everywhere; `reveal()` is the only way to read it. */
export class Redacted {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return "[secret]";
  }
  toJSON(): string {
    return "[secret]";
  }
  [inspect.custom](): string {
    return "[secret]";
  }
}

export interface AkashConfig {
  network: AkashNetwork;
  chainId: string;
  /** Tried in order; more than one gives failover. */
  rpcEndpoints: string[];
  /** e.g. "0.025uakt". */
  gasPrice: string;
  auditor?: string;
  deploymentDenom: string;
  feeDenom: string;
  mnemonic?: Redacted;
}

/** The `req.config` of a dynamic provider's configure hook (pulumi.dynamic.Config). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export type Env = Readonly<Record<string, string | undefined>>;

interface Setting {
  key: string;
  env: string;
  fix: string;
}

const SETTINGS = {
  mnemonic: { key: "akash:mnemonic", env: "AKASH_MNEMONIC", fix: 'pulumi config set --secret akash:mnemonic "<12 or 24 words>"' },
  network: { key: "akash:network", env: "AKASH_NETWORK", fix: "pulumi config set akash:network mainnet|sandbox|devnet" },
  rpcEndpoint: {
    key: "akash:rpcEndpoint",
    env: "AKASH_RPC_ENDPOINT",
    fix: `pulumi config set akash:rpcEndpoint https://rpc.example.com:443 (or a JSON list '["https://a:443","https://b:443"]')`,
  },
  chainId: { key: "akash:chainId", env: "AKASH_CHAIN_ID", fix: "pulumi config set akash:chainId akashnet-2" },
  gasPrice: { key: "akash:gasPrice", env: "AKASH_GAS_PRICE", fix: `pulumi config set akash:gasPrice ${DEFAULT_GAS_PRICE}` },
  auditor: { key: "akash:auditor", env: "AKASH_AUDITOR", fix: "pulumi config set akash:auditor akash1..." },
} satisfies Record<string, Setting>;

export class AkashConfigError extends Error {
  constructor(
    readonly key: string,
    readonly envVar: string,
    problem: string,
    readonly fix: string,
  ) {
    super(`Pulumi config ${key} (or env ${envVar}): ${problem}. Fix: ${fix}`);
    this.name = "AkashConfigError";
  }
}

function fail(setting: Setting, problem: string): never {
  throw new AkashConfigError(setting.key, setting.env, problem, setting.fix);
}

/** Stack config first, then the environment; blank counts as unset. */
function lookup(setting: Setting, source: ConfigSource | undefined, env: Env): string | undefined {
  const raw: unknown = source?.get(setting.key);
  // The engine sends config as strings; structured values (a YAML list) arrive JSON-encoded.
  const value = typeof raw === "string" || raw === undefined ? raw : JSON.stringify(raw);
  const chosen = value?.trim() ? value : env[setting.env];
  return chosen?.trim() ? chosen.trim() : undefined;
}

function validate<T>(setting: Setting, schema: z.ZodType<T>, value: unknown, problem: (value: unknown) => string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) fail(setting, problem(value));
  return parsed.data;
}

const httpUrl = z.url({ protocol: /^https?$/ });
const networkSchema = z.enum(["mainnet", "sandbox", "devnet"]);
const chainIdSchema = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,49}$/);
/** An akash1... account address. */
export const addressSchema = z.string().refine((s) => {
  try {
    return fromBech32(s).prefix === "akash";
  } catch {
    return false;
  }
});
const gasPriceSchema = z.string().refine((s) => {
  try {
    return GasPrice.fromString(s).denom === "uakt";
  } catch {
    return false;
  }
});

function parseEndpoints(raw: string): string[] {
  const setting = SETTINGS.rpcEndpoint;
  let list: unknown = raw;
  if (raw.startsWith("[")) {
    try {
      list = JSON.parse(raw);
    } catch {
      fail(setting, `${JSON.stringify(raw)} is not a valid JSON list of URLs`);
    }
  }
  const endpoints = validate(setting, z.array(z.string()).min(1).or(z.string().transform((s) => [s])), list, () =>
    "expected one URL or a non-empty JSON list of URLs",
  );
  return endpoints.map((e) => validate(setting, httpUrl, e, (v) => `${JSON.stringify(v)} is not an http(s) URL`));
}

function parseMnemonic(raw: string): Redacted {
  const setting = SETTINGS.mnemonic;
  const words = raw.split(/\s+/);
  // Never echo the value (not even one word): the reasons below are all that is reported.
  if (![12, 15, 18, 21, 24].includes(words.length)) fail(setting, `expected 12 or 24 words, got ${words.length} (value not shown)`);
  const normalized = words.join(" ");
  try {
    new EnglishMnemonic(normalized);
  } catch {
    fail(setting, "not a valid BIP39 English mnemonic: unknown word or bad checksum (value not shown)");
  }
  return new Redacted(normalized);
}

/**
 * Reads, validates and defaults the provider config. Throws AkashConfigError naming the key and the fix.
 * A missing mnemonic is not an error here (preview and reads need none); see requireMnemonic.
 */
export function resolveAkashConfig(source?: ConfigSource, env: Env = process.env): AkashConfig {
  const get = (setting: Setting) => lookup(setting, source, env);
  const network = validate(
    SETTINGS.network,
    networkSchema,
    get(SETTINGS.network) ?? DEFAULT_NETWORK,
    (v) => `${JSON.stringify(v)} is not one of mainnet, sandbox, devnet`,
  );
  const profile = NETWORKS[network];
  const rpc = get(SETTINGS.rpcEndpoint);
  const chainId = get(SETTINGS.chainId);
  const gasPrice = get(SETTINGS.gasPrice);
  const auditor = get(SETTINGS.auditor);
  const mnemonic = get(SETTINGS.mnemonic);
  return {
    network,
    chainId: chainId
      ? validate(SETTINGS.chainId, chainIdSchema, chainId, (v) => `${JSON.stringify(v)} is not a valid chain id`)
      : profile.chainId,
    rpcEndpoints: rpc ? parseEndpoints(rpc) : [...profile.rpcEndpoints],
    gasPrice: gasPrice
      ? validate(SETTINGS.gasPrice, gasPriceSchema, gasPrice, (v) =>
          `${JSON.stringify(v)} is not a gas price in uakt like ${DEFAULT_GAS_PRICE} (fees are paid in AKT)`,
        )
      : DEFAULT_GAS_PRICE,
    auditor: auditor
      ? validate(SETTINGS.auditor, addressSchema, auditor, (v) => `${JSON.stringify(v)} is not an akash1... address`)
      : profile.auditor,
    deploymentDenom: profile.deploymentDenom,
    feeDenom: profile.feeDenom,
    mnemonic: mnemonic === undefined ? undefined : parseMnemonic(mnemonic),
  };
}

/** The mnemonic, for operations that sign; a clear error when none is configured. */
export function requireMnemonic(config: AkashConfig): string {
  if (!config.mnemonic) fail(SETTINGS.mnemonic, "no mnemonic is configured, and this operation signs transactions");
  return config.mnemonic.reveal();
}

/**
 * What configure left on a provider object: its config, or the error every later hook rethrows. The plugin host
 * deserializes a provider once per process, caches it *before* awaiting configure, and passes that same object
 * as `this` to configure and to every later hook, so the object is the per-process state the host gives us (no
 * module-level map), and a failed configure must be remembered on it: otherwise the cached, unconfigured provider
 * would serve later calls. A non-enumerable symbol key keeps the config out of JSON and logs; the plugin never
 * serializes a provider (the program does, and never configures one).
 */
const CONFIGURED = Symbol("pulumi-akash configure result");
type ConfigureResult = { config: AkashConfig } | { error: unknown };

/** For a dynamic provider's `configure(req)` hook: validates the config and records it, or its error, on `provider`. */
export function configureProvider(provider: object, source: ConfigSource, env: Env = process.env): AkashConfig {
  let result: ConfigureResult;
  try {
    result = { config: resolveAkashConfig(source, env) };
  } catch (error) {
    result = { error };
  }
  Object.defineProperty(provider, CONFIGURED, { value: result, configurable: true });
  if ("error" in result) throw result.error;
  return result.config;
}

/**
 * The config `configure` recorded for `provider`. Rethrows configure's error, and never falls back to the
 * environment alone: that would silently swap the stack's network for mainnet defaults and the env's mnemonic.
 */
export function providerConfig(provider: object): AkashConfig {
  const result = (provider as { [CONFIGURED]?: ConfigureResult })[CONFIGURED];
  if (!result) throw new Error("akash: this provider was never configured (the Pulumi engine calls configure before any other hook)");
  if ("error" in result) throw result.error;
  return result.config;
}
