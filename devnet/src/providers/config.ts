/**
 * Provider configuration: validation (zod, at the input boundary), the default set of simulated providers,
 * their genesis funding, and the on-chain attributes each advertises (real provider conventions).
 */
import { Bip39, sha256 } from "@cosmjs/crypto";
import { toUtf8 } from "@cosmjs/encoding";
import type { Coin } from "@cosmjs/stargate";
import { z } from "zod";
import type { Attribute } from "./attributes";
import { decFromNumber, formatDec, mulDec } from "./dec";
import type { ProviderConfig, ProviderTiming } from "./index";

const attributeKey = z.string().regex(/^([a-zA-Z][\w/.-]{1,126})$/, "attribute keys must match ^([a-zA-Z][\\w/.-]{1,126})$");
const nonNegative = z.number().finite().nonnegative();

const providerConfigSchema = z.object({
  name: z.string().min(1),
  mnemonic: z.string().refine((m) => m.trim().split(/\s+/).length >= 12, "must be a BIP-39 mnemonic (12 or 24 words)"),
  region: z.string().min(1),
  attributes: z.array(z.object({ key: attributeKey, value: z.string() })),
  audited: z.boolean(),
  pricing: z.object({
    cpuPerMilli: nonNegative,
    memoryPerMiB: nonNegative,
    storagePerMiB: z.record(z.string(), nonNegative),
    endpoint: nonNegative.optional(),
    ip: nonNegative.optional(),
    gpuPerUnit: z.record(z.string(), nonNegative).optional(),
  }),
  gpus: z
    .array(
      z.object({
        vendor: z.string().min(1),
        model: z.string().min(1),
        ram: z.string().optional(),
        interface: z.enum(["pcie", "sxm"]).optional(),
        units: z.number().int().positive(),
      }),
    )
    .optional(),
  capacity: z.object({
    cpuMillis: z.number().int().positive(),
    memoryBytes: z.number().int().positive(),
    storageBytes: z.number().int().positive(),
  }),
  flaky: z.boolean().optional(),
  neverReady: z.boolean().optional(),
  mtlsOnly: z.boolean().optional(),
  ipCount: z.number().int().nonnegative().optional(),
  gatewayPort: z.number().int().min(0).max(65535).optional(),
  bidDeposit: z.object({ denom: z.string().regex(/^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/, "must be a coin denom"), amount: z.string().regex(/^\d+$/, "must be an integer amount") }).optional(),
  email: z.string().optional(),
  website: z.string().optional(),
});

/** Validates configs; the error names the provider index and config key at fault. */
export function parseProviderConfigs(configs: unknown): ProviderConfig[] {
  const result = z.array(providerConfigSchema).safeParse(configs);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `configs[${String(i.path[0])}]${i.path.slice(1).map((p) => `.${String(p)}`).join("")}: ${i.message}`);
    throw new Error(`invalid devnet provider configuration (startProviders configs):\n  ${issues.join("\n  ")}`);
  }
  const names = new Set<string>();
  for (const c of result.data) {
    if (names.has(c.name)) throw new Error(`invalid devnet provider configuration: duplicate provider name "${c.name}" (names must be unique)`);
    names.add(c.name);
  }
  return result.data;
}

const timingSchema = z
  .object({
    bidTimeoutMs: nonNegative,
    manifestTimeoutMs: nonNegative,
    withdrawPeriodMs: z.number().finite().positive(),
    pollMs: z.number().finite().positive(),
    startupDelayMs: nonNegative,
  })
  .partial();

/** Validates provider timing (milliseconds; 0 disables the bid and manifest timeouts). */
export function parseProviderTiming(timing: unknown): ProviderTiming {
  const result = timingSchema.safeParse(timing ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => `timing.${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid devnet provider timing (startProviders timing / startDevnet providerTiming):\n  ${issues.join("\n  ")}`);
  }
  return result.data;
}

/** A fixed 24-word mnemonic per label, so devnet provider addresses never change. */
export function deterministicMnemonic(label: string): string {
  return Bip39.encode(sha256(toUtf8(`pulumi-akash devnet: ${label}`))).toString();
}

const GiB = 1024 ** 3;

/** Prices per mainnet block (6.098 s; rescaled to the devnet block time) in uact (≈ USD 1e-6): ~$5/CPU-month, ~$2/GiB-month, scaled per provider. */
function pricing(factor: number, gpuPerUnit?: Record<string, number>): ProviderConfig["pricing"] {
  // decimal multiplication: 0.012 × 1.5 must be 0.018, not the float 0.018000000000000002
  const scale = (base: number) => Number(formatDec(mulDec(decFromNumber(base), decFromNumber(factor))));
  return {
    cpuPerMilli: scale(0.012),
    memoryPerMiB: scale(0.0045),
    storagePerMiB: { ephemeral: scale(0.0002), beta2: scale(0.0004), beta3: scale(0.0006), ram: scale(0.0045) },
    endpoint: scale(0.01),
    ip: scale(1),
    ...(gpuPerUnit ? { gpuPerUnit } : {}),
  };
}

/** Four providers: different regions and prices, two audited, one with two GPU models, one flaky. */
export function defaultProviderConfigs(): ProviderConfig[] {
  return [
    {
      name: "sim-us-west",
      mnemonic: deterministicMnemonic("provider sim-us-west"),
      region: "us-west",
      attributes: [{ key: "tier", value: "community" }],
      audited: true,
      pricing: pricing(1),
      capacity: { cpuMillis: 32_000, memoryBytes: 128 * GiB, storageBytes: 2048 * GiB },
      ipCount: 4,
    },
    {
      name: "sim-eu-central-gpu",
      mnemonic: deterministicMnemonic("provider sim-eu-central-gpu"),
      region: "eu-central",
      attributes: [{ key: "tier", value: "premium" }],
      audited: true,
      pricing: pricing(1.5, { a100: 2000, rtx4090: 600 }),
      gpus: [
        { vendor: "nvidia", model: "a100", ram: "80Gi", interface: "sxm", units: 4 },
        { vendor: "nvidia", model: "rtx4090", ram: "24Gi", interface: "pcie", units: 8 },
      ],
      capacity: { cpuMillis: 64_000, memoryBytes: 512 * GiB, storageBytes: 4096 * GiB },
    },
    {
      name: "sim-us-east",
      mnemonic: deterministicMnemonic("provider sim-us-east"),
      region: "us-east",
      attributes: [{ key: "tier", value: "community" }],
      audited: false,
      pricing: pricing(0.6),
      capacity: { cpuMillis: 16_000, memoryBytes: 64 * GiB, storageBytes: 1024 * GiB },
    },
    {
      name: "sim-ap-flaky",
      mnemonic: deterministicMnemonic("provider sim-ap-flaky"),
      region: "ap-southeast",
      attributes: [{ key: "tier", value: "community" }],
      audited: false,
      pricing: pricing(0.8),
      capacity: { cpuMillis: 8_000, memoryBytes: 32 * GiB, storageBytes: 512 * GiB },
      flaky: true,
    },
  ];
}

/** Genesis balances for the providers: bid deposits (0.5 AKT each by default) and fees for a long devnet life. */
export function providerGenesisAccounts(configs: ProviderConfig[]): Array<{ mnemonicOrAddress: string; coins: Coin[] }> {
  return configs.map((c) => ({
    mnemonicOrAddress: c.mnemonic,
    coins: [
      { denom: "uakt", amount: "10000000000000" },
      { denom: "uact", amount: "10000000000000" },
    ],
  }));
}

/**
 * The attributes registered on chain with MsgCreateProvider, in the real provider's conventions:
 * host, region, organization, storage and GPU capabilities, then the configured extras.
 */
export function providerAttributes(config: ProviderConfig): Attribute[] {
  const attributes: Attribute[] = [
    { key: "host", value: "akash" },
    { key: "region", value: config.region },
    { key: "organization", value: config.name },
    { key: "capabilities/storage/1/class", value: "beta2" },
    { key: "capabilities/storage/1/persistent", value: "true" },
    { key: "capabilities/storage/2/class", value: "ram" },
    { key: "capabilities/storage/2/persistent", value: "false" },
  ];
  for (const gpu of config.gpus ?? []) {
    const base = `capabilities/gpu/vendor/${gpu.vendor}/model/${gpu.model}`;
    attributes.push({ key: base, value: "true" });
    if (gpu.ram) attributes.push({ key: `${base}/ram/${gpu.ram}`, value: "true" });
    if (gpu.interface) attributes.push({ key: `${base}/interface/${gpu.interface}`, value: "true" });
    if (gpu.ram && gpu.interface) attributes.push({ key: `${base}/ram/${gpu.ram}/interface/${gpu.interface}`, value: "true" });
  }
  const taken = new Set(attributes.map((a) => a.key));
  for (const extra of config.attributes) {
    if (!taken.has(extra.key)) attributes.push({ ...extra });
    else attributes[attributes.findIndex((a) => a.key === extra.key)] = { ...extra };
  }
  return attributes;
}
