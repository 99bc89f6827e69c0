/**
 * BME parameters (chain-sdk go/node/bme/v1/params.go defaults) and the devnet-only oracle settings.
 * The devnet has no price oracle: AKT has a fixed USD price (`aktPriceUsd`, default 1.0) and ACT is
 * pegged to 1 USD like on the real chain, so with the default price 1 uakt mints 1 uact minus the spread.
 * The vault starts with `vaultSeedUakt` (default 300,000 AKT, as moved into it by the v2.0.0 upgrade).
 */
import { z } from "zod";
import type { Coin } from "../../chain/types";
import { decFromString } from "./dec";

export interface BmeParams {
  circuitBreakerWarnThreshold: number;
  circuitBreakerHaltThreshold: number;
  minEpochBlocks: number;
  epochBlocksBackoffPercent: number;
  mintSpreadBps: number;
  settleSpreadBps: number;
  maxEndblockerRecords: number;
  minMint: Coin[];
  maxPendingAttempts: number;
}

export const defaultBmeParams: BmeParams = {
  circuitBreakerWarnThreshold: 9500,
  circuitBreakerHaltThreshold: 9000,
  minEpochBlocks: 10,
  epochBlocksBackoffPercent: 10,
  mintSpreadBps: 25,
  settleSpreadBps: 0,
  maxEndblockerRecords: 50,
  minMint: [{ denom: "uact", amount: "10000000" }],
  maxPendingAttempts: 3,
};

const coin = z.object({ denom: z.string().regex(/^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/), amount: z.string().regex(/^\d+$/) });
const uint32 = z.number().int().min(0).max(0xffffffff);

/** `bme` section of the devnet genesis. */
export const bmeGenesisSchema = z
  .object({
    params: z
      .object({
        circuitBreakerWarnThreshold: uint32.max(10000),
        circuitBreakerHaltThreshold: uint32.max(10000),
        minEpochBlocks: z.number().int().positive(),
        epochBlocksBackoffPercent: uint32.max(100),
        mintSpreadBps: uint32.max(1000),
        settleSpreadBps: uint32.max(1000),
        maxEndblockerRecords: uint32,
        minMint: z.array(coin),
        maxPendingAttempts: uint32,
      })
      .partial()
      .strict()
      .optional(),
    aktPriceUsd: z
      .string()
      .refine((s) => /^\d+(\.\d{1,18})?$/.test(s) && decFromString(s) > 0n, "must be a positive decimal such as \"1.0\"")
      .optional(),
    vaultSeedUakt: z.string().regex(/^\d+$/).optional(),
  })
  .strict();

export interface BmeGenesis {
  params: BmeParams;
  aktPriceUsd: string;
  vaultSeedUakt: string;
}

/** Validates the `bme` genesis section; the error names the config key and how to fix it. */
export function parseBmeGenesis(input: unknown): BmeGenesis {
  const parsed = bmeGenesisSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `genesis.bme.${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid devnet genesis: ${issues} (see devnet/src/modules/bme/params.ts for the accepted keys)`);
  }
  const params = { ...defaultBmeParams, ...parsed.data.params };
  if (params.circuitBreakerWarnThreshold <= params.circuitBreakerHaltThreshold) {
    throw new Error("invalid devnet genesis: genesis.bme.params: circuitBreakerWarnThreshold must be greater than circuitBreakerHaltThreshold");
  }
  return { params, aktPriceUsd: parsed.data.aktPriceUsd ?? "1.0", vaultSeedUakt: parsed.data.vaultSeedUakt ?? "300000000000" };
}
