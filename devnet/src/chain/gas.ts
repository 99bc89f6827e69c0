/**
 * Gas metering as cosmos-sdk's store/types/gas.go does it: a meter with a limit that throws out of gas
 * (sdk code 11) as soon as consumption exceeds the limit, and the KV store cost table.
 */
import { sdkErrors } from "./errors";

/** cosmos-sdk KVGasConfig() */
export const kvGas = {
  hasCost: 1000,
  deleteCost: 1000,
  readCostFlat: 1000,
  readCostPerByte: 3,
  writeCostFlat: 2000,
  writeCostPerByte: 30,
  iterNextCostFlat: 30,
} as const;

/** x/auth params (genesis defaults), read from state by the ante handler like the node does. */
export interface AuthParams {
  maxMemoCharacters: number;
  txSigLimit: number;
  txSizeCostPerByte: number;
  sigVerifyCostEd25519: number;
  sigVerifyCostSecp256k1: number;
}

export const defaultAuthParams: AuthParams = {
  maxMemoCharacters: 256,
  txSigLimit: 7,
  txSizeCostPerByte: 10,
  sigVerifyCostEd25519: 590,
  sigVerifyCostSecp256k1: 1000,
};

/** Thrown through handlers when the limit is exceeded; the tx pipeline turns it into sdk code 11. */
export class OutOfGas extends Error {
  constructor(readonly descriptor: string) {
    super(`out of gas in location: ${descriptor}`);
    this.name = "OutOfGas";
  }
}

export class GasMeter {
  private used = 0;
  constructor(readonly limit: number = Number.POSITIVE_INFINITY) {}

  get consumed(): number {
    return this.used;
  }

  consume(amount: number, descriptor: string): void {
    this.used += amount;
    if (this.used > this.limit) throw new OutOfGas(descriptor);
  }
}

/** The error cosmos returns for an out-of-gas tx: "out of gas in location: X; gasWanted: W, gasUsed: U: out of gas". */
export function outOfGasError(err: OutOfGas, meter: GasMeter) {
  return sdkErrors.outOfGas.wrap(`out of gas in location: ${err.descriptor}; gasWanted: ${meter.limit}, gasUsed: ${meter.consumed}`);
}
