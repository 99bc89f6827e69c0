// Schema source of akash.Escrow; the output schema mirrors EscrowOutputs (checked at compile time) plus the
// dseq the SDK class also declares as an output.
import { z } from "zod";
import { escrowInputsSchema, type EscrowOutputs } from "../resources/escrow/inputs";
import type { Assert, ResourceSchemaSource, Same } from "./resourceSource";

const outputs = z.object({
  dseq: z.string(),
  owner: z.string(),
  balance: z.number(),
  ratePerBlock: z.number(),
  runwayHours: z.number().nullable(),
  estimatedCloseTime: z.string().nullable(),
  lastTopUp: z.number(),
});

export type EscrowSchemaMatches = Assert<Same<z.output<typeof outputs>, EscrowOutputs & { dseq: string }>>;

export const escrowSchemaSource: ResourceSchemaSource = {
  description: "Keeps a deployment's escrow funded: tops it up to a target runway whenever it falls below a minimum.",
  inputs: escrowInputsSchema,
  outputs,
  namedTypes: {},
  secrets: [],
};
