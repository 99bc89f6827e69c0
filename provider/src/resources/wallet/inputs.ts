// The akash.Wallet resource's inputs (validated with zod in check) and outputs.
import { z } from "zod";

const act = (name: string, example: number) => z.number({ error: `${name} must be a number of ACT, e.g. ${example}` });

export const walletInputsSchema = z
  .object({
    /** Mint when the wallet holds less ACT than this. */
    minAct: act("minAct", 20).min(0, "minAct must be 0 or more ACT"),
    /** Mint up to this much ACT. */
    targetAct: act("targetAct", 50).positive("targetAct must be more than 0 ACT"),
    /** Most AKT one `pulumi up` burns (burning is irreversible, so it is always capped). */
    maxAktPerRun: z
      .number({ error: "maxAktPerRun is required: the most AKT one pulumi up may burn to mint ACT, e.g. 100" })
      .positive("maxAktPerRun must be more than 0 AKT"),
    /** USD per AKT, only used when the chain publishes no AKT price (no oracle and no executed mint yet). */
    aktPriceUsd: z.number({ error: "aktPriceUsd must be USD per AKT, e.g. 1.5" }).positive("aktPriceUsd must be more than 0").optional(),
    /** Seconds to wait for the mint to execute at a BME epoch. */
    mintTimeout: z
      .number({ error: "mintTimeout must be a number of seconds" })
      .positive("mintTimeout must be more than 0 seconds")
      .max(3600, "mintTimeout must be at most 3600 seconds")
      .default(600),
  })
  .strict()
  .refine((v) => v.targetAct >= v.minAct, {
    path: ["targetAct"],
    message: "targetAct must be at least minAct; raise targetAct or lower minAct",
  });

export type WalletInputs = z.output<typeof walletInputsSchema>;

export interface MintOutput {
  /** AKT burned by the latest mint this resource made; 0 if none. */
  burnedAkt: number;
  /** ACT it credited to the wallet (after the BME spread); 0 if none. */
  mintedAct: number;
}

export interface WalletOutputs {
  address: string;
  aktBalance: number;
  actBalance: number;
  lastMint: MintOutput;
}
