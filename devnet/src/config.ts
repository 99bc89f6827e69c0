/**
 * Devnet configuration (zod-validated): chain id, block time, minimum gas price, the demo and auditor
 * accounts, extra funded accounts and each module's genesis section. Resolved into a genesis (addresses
 * derived from mnemonics) that is stored with the chain data so that a restart keeps the same chain.
 */
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { z } from "zod";
import { bech32Prefix, isAccountAddress } from "./chain/address";
import { normalizeCoins, parseCoins } from "./chain/coins";
import type { Coin } from "./chain/types";

/**
 * Well-known demo mnemonics, deliberately public: they only ever hold devnet tokens. Printed on start
 * so users can import the demo account into a wallet or the CLI.
 */
export const demoMnemonic =
  "erosion park safe swamp hamster awesome remove victory case bridge toy govern goose special tennis rich very cart ribbon atom when multiply jungle mutual";
export const auditorMnemonic =
  "wreck range indoor pact impact session smart repair season crater find recipe insane region sleep early issue dad ritual glow wink nothing hope margin";

const coinSchema = z.object({ denom: z.string().min(3), amount: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String) });

/** Coins as an array of {denom, amount} or a "1000uakt,5uact" string. */
export const coinsSchema = z
  .union([z.string(), z.array(coinSchema)])
  .transform((v, ctx): Coin[] => {
    try {
      return typeof v === "string" ? parseCoins(v) : normalizeCoins(v);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
      return z.NEVER;
    }
  });

const accountSchema = z.object({
  mnemonicOrAddress: z.string().min(1),
  coins: coinsSchema,
});

export const devnetConfigSchema = z.object({
  chainId: z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,48}$/, "chain id: letters, digits, '.', '_' or '-', at most 49 characters")
    .default("akash-devnet-1"),
  blockTimeMs: z.number().int().min(10).max(60_000).default(1000),
  /** validator minimum gas price, enforced on CheckTx like the node's minimum-gas-prices */
  minGasPrice: z
    .string()
    .regex(/^\d+(\.\d+)?[a-z][a-z0-9/]{2,}$/, "minGasPrice: e.g. 0.0025uakt")
    .default("0.0025uakt"),
  demo: z
    .object({ mnemonic: z.string().default(demoMnemonic), coins: coinsSchema.default(parseCoins("100000000000000uakt,100000000000000uact")) })
    .default({ mnemonic: demoMnemonic, coins: parseCoins("100000000000000uakt,100000000000000uact") }),
  auditor: z
    .object({ mnemonic: z.string().default(auditorMnemonic), coins: coinsSchema.default(parseCoins("1000000000000uakt")) })
    .default({ mnemonic: auditorMnemonic, coins: parseCoins("1000000000000uakt") }),
  accounts: z.array(accountSchema).default([]),
  /** genesis sections by module name (e.g. { deployment: { params: {...} } }) */
  modules: z.record(z.string(), z.unknown()).default({}),
});

export type DevnetConfigInput = z.input<typeof devnetConfigSchema>;
export type DevnetConfig = z.output<typeof devnetConfigSchema>;

/** What is persisted: the resolved genesis (no mnemonics, only addresses). */
export interface ResolvedGenesis {
  chainId: string;
  genesisTime: string;
  minGasPrice: string;
  demoAddress: string;
  auditorAddress: string;
  balances: Array<{ address: string; coins: Coin[] }>;
  modules: Record<string, unknown>;
}

export function parseDevnetConfig(input: unknown, source = "devnet config"): DevnetConfig {
  const result = devnetConfigSchema.safeParse(input ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new Error(`${source} is invalid:\n${issues}`);
  }
  return result.data;
}

/** akash1... address of the first HD account (m/44'/118'/0'/0/0) of a mnemonic, or the address itself. */
export async function resolveAddress(mnemonicOrAddress: string): Promise<string> {
  const trimmed = mnemonicOrAddress.trim();
  if (isAccountAddress(trimmed)) return trimmed;
  if (trimmed.split(/\s+/).length < 12) {
    throw new Error(`account "${trimmed.slice(0, 12)}...": neither an akash1... address nor a 12/24-word mnemonic`);
  }
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(trimmed, { prefix: bech32Prefix });
  return (await wallet.getAccounts())[0].address;
}

/** "<mnemonic-or-address>=<coins>" from the command line. */
export function parseAccountArg(arg: string): { mnemonicOrAddress: string; coins: Coin[] } {
  const eq = arg.lastIndexOf("=");
  if (eq <= 0) throw new Error(`--account ${JSON.stringify(arg)}: expected <mnemonic-or-address>=<coins>, e.g. akash1...=1000000000uakt,50000000uact`);
  return { mnemonicOrAddress: arg.slice(0, eq), coins: parseCoins(arg.slice(eq + 1)) };
}

export async function resolveGenesis(config: DevnetConfig, now = new Date()): Promise<ResolvedGenesis> {
  const demoAddress = await resolveAddress(config.demo.mnemonic);
  const auditorAddress = await resolveAddress(config.auditor.mnemonic);
  const balances = [
    { address: demoAddress, coins: config.demo.coins },
    { address: auditorAddress, coins: config.auditor.coins },
  ];
  for (const account of config.accounts) balances.push({ address: await resolveAddress(account.mnemonicOrAddress), coins: account.coins });
  return {
    chainId: config.chainId,
    genesisTime: now.toISOString(),
    minGasPrice: config.minGasPrice,
    demoAddress,
    auditorAddress,
    balances,
    modules: config.modules,
  };
}
