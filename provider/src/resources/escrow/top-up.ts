// When and how much to top up a deployment's escrow: pure arithmetic on the runway estimate, in exact
// decimals (uact amounts are LegacyDec strings on chain).
import { parseDec, DEC_PRECISION } from "../../chain/decimal";
import { toDisplayUnits, type EscrowRunway } from "../../chain/escrow/runway";
import type { EscrowInputs, EscrowOutputs } from "./inputs";

const SCALE = 10n ** BigInt(DEC_PRECISION);

export type TopUpPlan =
  | { due: false; reason: string }
  | { due: true; reason: string; amountUact: bigint; capped: boolean };

type Policy = Pick<EscrowInputs, "minRunwayHours" | "targetRunwayHours" | "maxTopUp">;

/** Base units (uact, uakt) for an amount in display units (ACT, AKT); rounding only removes float noise. */
export function toBaseUnits(display: number): bigint {
  return BigInt(Math.round(display * 1_000_000));
}

/** The deposit that brings the runway to targetRunwayHours when it is below minRunwayHours. */
export function planTopUp(runway: EscrowRunway, blockTimeSeconds: number, policy: Policy): TopUpPlan {
  if (runway.runwayHours === undefined) return { due: false, reason: "no active lease pays from this escrow" };
  const hours = runway.runwayHours.toFixed(2);
  if (runway.runwayHours >= policy.minRunwayHours) {
    return { due: false, reason: `runway ${hours} h is at least minRunwayHours ${policy.minRunwayHours}` };
  }
  const targetBlocks = BigInt(Math.ceil((policy.targetRunwayHours * 3600) / blockTimeSeconds));
  const missing = parseDec(runway.ratePerBlock) * targetBlocks - parseDec(runway.balance);
  const wanted = (missing + SCALE - 1n) / SCALE;
  const cap = policy.maxTopUp === undefined ? undefined : toBaseUnits(policy.maxTopUp);
  const capped = cap !== undefined && wanted > cap;
  const amountUact = capped ? cap : wanted;
  const reason = `runway ${hours} h is below minRunwayHours ${policy.minRunwayHours}`;
  if (amountUact <= 0n) return { due: false, reason: `${reason}, but maxTopUp allows no deposit` };
  return { due: true, reason, amountUact, capped };
}

/** The resource's chain-derived outputs from a runway estimate. */
export function runwayOutputs(runway: EscrowRunway): Pick<EscrowOutputs, "balance" | "ratePerBlock" | "runwayHours" | "estimatedCloseTime"> {
  return {
    balance: toDisplayUnits(runway.balance),
    ratePerBlock: toDisplayUnits(runway.ratePerBlock),
    runwayHours: runway.runwayHours ?? null,
    estimatedCloseTime: runway.estimatedCloseTime?.toISOString() ?? null,
  };
}
