// Schema source of akash.Certificate; the output schema mirrors CertificateOutputs (checked at compile time).
import { z } from "zod";
import { certificateInputsSchema, type CertificateOutputs } from "../resources/certificate/inputs";
import type { Assert, ResourceSchemaSource, Same } from "./resourceSource";

const outputs = z.object({
  serial: z.string(),
  owner: z.string(),
  certPem: z.string(),
  publicKeyPem: z.string(),
  privateKeyPem: z.string(),
  expiresAt: z.string(),
});

export type CertificateSchemaMatches = Assert<Same<z.output<typeof outputs>, CertificateOutputs>>;

export const certificateSchemaSource: ResourceSchemaSource = {
  description: "An on-chain mTLS client certificate of the configured wallet, for providers that require mTLS; delete revokes it.",
  inputs: certificateInputsSchema,
  outputs,
  namedTypes: {},
  secrets: ["privateKeyPem"],
};
