// The akash.Certificate resource's inputs (validated with zod in check) and outputs.
import { z } from "zod";

export const certificateInputsSchema = z
  .object({
    /** How long the certificate is valid, in days from creation. A change creates a new certificate. */
    validDays: z
      .number({ error: "validDays must be a number of days, e.g. 365" })
      .int("validDays must be a whole number of days")
      .positive("validDays must be at least 1 day")
      .max(3650, "validDays must be at most 3650 days (10 years)")
      .default(365),
  })
  .strict();

export type CertificateInputs = z.output<typeof certificateInputsSchema>;

export interface CertificateOutputs {
  /** The certificate's serial number (decimal), its id on chain with the owner. */
  serial: string;
  owner: string;
  certPem: string;
  publicKeyPem: string;
  /** SECRET: the private key of the mTLS client certificate. */
  privateKeyPem: string;
  /** ISO time the certificate expires. */
  expiresAt: string;
}
