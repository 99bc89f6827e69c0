/**
 * Price conversions as Console shows them: a bid is a price per block in the base unit of its denom
 * (uact: 1 ACT = 1 USD = 10^6 uact); a month is 30.437 days of blocks at the average block time.
 */
import { DEFAULT_BLOCK_TIME_SECONDS } from "../chain/blocks";

export const AVERAGE_DAYS_IN_MONTH = 30.437;

export function blocksPerMonth(blockTimeSeconds = DEFAULT_BLOCK_TIME_SECONDS): number {
  return (AVERAGE_DAYS_IN_MONTH * 24 * 3600) / blockTimeSeconds;
}

export interface UsdRates {
  /** USD per AKT, needed only to price uakt bids (legacy deployments) */
  aktUsd?: number;
}

/** USD per base unit of `denom`, or undefined if we cannot price it. */
export function usdPerBaseUnit(denom: string, rates: UsdRates = {}): number | undefined {
  if (denom === "uact") return 1e-6; // ACT is pegged to 1 USD on chain
  if (denom === "uakt" && rates.aktUsd !== undefined) return rates.aktUsd * 1e-6;
  return undefined;
}

/** Price per block (base units, decimal string or number) -> USD per month; undefined if the denom is unpriceable. */
export function pricePerMonthUsd(perBlock: string | number, denom: string, blockTimeSeconds?: number, rates?: UsdRates): number | undefined {
  const unit = usdPerBaseUnit(denom, rates);
  return unit === undefined ? undefined : Number(perBlock) * unit * blocksPerMonth(blockTimeSeconds);
}
