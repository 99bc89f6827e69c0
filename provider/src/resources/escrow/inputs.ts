// The akash.Escrow resource's inputs (validated with zod in check) and outputs.
import { z } from "zod";

const hours = (name: string, fallback: number) =>
  z
    .number({ error: `${name} must be a number of hours, e.g. ${fallback}` })
    .positive(`${name} must be more than 0 hours`)
    .max(24 * 365 * 10, `${name} must be at most 87600 hours (10 years)`)
    .default(fallback);

export const escrowInputsSchema = z
  .object({
    /** The deployment whose escrow to keep funded (owned by the configured wallet), e.g. a Deployment's dseq. */
    dseq: z
      .union([z.string(), z.number().int()], { error: "dseq must be a deployment sequence number, e.g. deployment.dseq" })
      .transform(String)
      .pipe(z.string().regex(/^[1-9][0-9]*$/, "dseq must be a positive integer, e.g. deployment.dseq")),
    /** Top up when the estimated runway is below this many hours. */
    minRunwayHours: hours("minRunwayHours", 24),
    /** Top up to this many hours of runway. */
    targetRunwayHours: hours("targetRunwayHours", 72),
    /** Most ACT one `pulumi up` deposits; unset = no cap. */
    maxTopUp: z.number({ error: "maxTopUp must be a number of ACT, e.g. 50" }).positive("maxTopUp must be more than 0 ACT").optional(),
  })
  .strict()
  .refine((v) => v.targetRunwayHours >= v.minRunwayHours, {
    path: ["targetRunwayHours"],
    message: "targetRunwayHours must be at least minRunwayHours; raise targetRunwayHours or lower minRunwayHours",
  });

export type EscrowInputs = z.output<typeof escrowInputsSchema>;

export interface EscrowOutputs {
  /** The deployment owner (the configured wallet). */
  owner: string;
  /** ACT left in the escrow account now (after lazy settlement). */
  balance: number;
  /** ACT per block paid to all active leases. */
  ratePerBlock: number;
  /** Hours until the escrow runs dry at the current rate; null while no lease pays from it. */
  runwayHours: number | null;
  /** ISO time the escrow runs dry at the current rate; null while no lease pays from it. */
  estimatedCloseTime: string | null;
  /** ACT deposited by the latest top-up this resource made; 0 if none. */
  lastTopUp: number;
}
