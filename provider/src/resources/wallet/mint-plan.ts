// How much AKT to burn so the wallet holds targetAct: pure, exact arithmetic (uakt/uact integers, prices as
// 18-decimal fixed point like the chain's LegacyDec).
import { DEC_PRECISION, parseDec } from "../../chain/decimal";
import { toBaseUnits } from "../escrow/top-up";
import type { WalletInputs } from "./inputs";

const SCALE = 10n ** BigInt(DEC_PRECISION);

/** What the chain's BME does to a mint: price AKT->ACT, spread kept, minimum mint. */
export interface MintTerms {
  /** ACT per AKT, a decimal string (AKT price / ACT price, ACT being 1 USD). */
  aktPriceInAct: string;
  mintSpreadBps: number;
  /** Mints that would yield less (before the spread) are canceled and refunded by the chain. */
  minMintUact: bigint;
}

export type MintPlan =
  | { due: false; reason: string }
  | { due: true; reason: string; burnUakt: bigint; expectedUact: bigint; capped: boolean };

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** uact minted (before spread) for burning `uakt` at `price` (scaled): floor, as the chain truncates. */
function mintedFor(uakt: bigint, price: bigint): bigint {
  return (uakt * price) / SCALE;
}

/** uact the wallet receives from a mint of `minted` (the spread is truncated, so never over-estimated). */
export function afterSpread(minted: bigint, spreadBps: number): bigint {
  return minted - (minted * BigInt(spreadBps)) / 10_000n;
}

type Policy = Pick<WalletInputs, "minAct" | "targetAct" | "maxAktPerRun">;

export function planMint(actUact: bigint, policy: Policy, terms: MintTerms): MintPlan {
  const held = Number(actUact) / 1e6;
  if (actUact >= toBaseUnits(policy.minAct)) return { due: false, reason: `the wallet holds ${held} ACT, at least minAct ${policy.minAct}` };
  const reason = `the wallet holds ${held} ACT, below minAct ${policy.minAct}`;
  const price = parseDec(terms.aktPriceInAct);
  if (price <= 0n) throw new Error(`AKT price "${terms.aktPriceInAct}" must be positive`);
  const missing = toBaseUnits(policy.targetAct) - actUact;
  // Gross up for the spread, then respect the chain's minimum (a smaller mint is refunded, not executed).
  let minted = ceilDiv(missing * 10_000n, 10_000n - BigInt(terms.mintSpreadBps));
  if (minted < terms.minMintUact) minted = terms.minMintUact;
  let burnUakt = ceilDiv(minted * SCALE, price);
  const cap = toBaseUnits(policy.maxAktPerRun);
  const capped = burnUakt > cap;
  if (capped) {
    burnUakt = cap;
    if (mintedFor(cap, price) < terms.minMintUact) {
      throw new Error(
        `akash.Wallet: ${reason}, but maxAktPerRun ${policy.maxAktPerRun} AKT mints only ${Number(mintedFor(cap, price)) / 1e6} ACT, ` +
          `below the chain's minimum mint of ${Number(terms.minMintUact) / 1e6} ACT (it would be refunded). Fix: raise maxAktPerRun`,
      );
    }
  }
  return { due: true, reason, burnUakt, expectedUact: afterSpread(mintedFor(burnUakt, price), terms.mintSpreadBps), capped };
}
