// Schema source of akash.Wallet; the output schemas mirror WalletOutputs and MintOutput (checked at compile time).
import { z } from "zod";
import { walletInputsSchema, type MintOutput, type WalletOutputs } from "../resources/wallet/inputs";
import type { Assert, ResourceSchemaSource, Same } from "./resourceSource";

const mint = z.object({
  burnedAkt: z.number(),
  mintedAct: z.number(),
});

const outputs = z.object({
  address: z.string(),
  aktBalance: z.number(),
  actBalance: z.number(),
  lastMint: mint,
});

export type WalletSchemaMatches = [Assert<Same<z.output<typeof mint>, MintOutput>>, Assert<Same<z.output<typeof outputs>, WalletOutputs>>];

export const walletSchemaSource: ResourceSchemaSource = {
  description: "Keeps the configured wallet holding enough ACT by burning AKT (MsgMintACT), capped per run.",
  inputs: walletInputsSchema,
  outputs,
  namedTypes: { WalletMint: { schema: mint, docs: { file: "provider/src/resources/wallet/inputs.ts", name: "MintOutput" } } },
  secrets: [],
};
