// akash.Wallet: keeps the configured wallet holding enough ACT by burning AKT (MsgMintACT), capped per run.
import * as pulumi from "@pulumi/pulumi";
import { moduleRef } from "../provider/src/resources/hook-module";
import { akashProvider } from "../provider/src/resources/dynamic";
import type { MintOutput } from "../provider/src/resources/wallet/inputs";
import { AKASH_MODULE } from "./token";

const IMPL = moduleRef(require.resolve("../provider/src/resources/wallet/hooks"));

export interface WalletArgs {
  /** Mint when the wallet holds less ACT than this. */
  minAct: pulumi.Input<number>;
  /** Mint up to this much ACT (at least minAct; the chain mints at least 10 ACT at a time). */
  targetAct: pulumi.Input<number>;
  /** Most AKT one `pulumi up` burns. Required: burning AKT is irreversible. */
  maxAktPerRun: pulumi.Input<number>;
  /** USD per AKT, only used when the chain publishes no AKT price. */
  aktPriceUsd?: pulumi.Input<number>;
  /** Seconds to wait for the BME epoch that executes the mint. Default 600. */
  mintTimeout?: pulumi.Input<number>;
}

export class Wallet extends pulumi.dynamic.Resource {
  declare readonly address: pulumi.Output<string>;
  declare readonly aktBalance: pulumi.Output<number>;
  declare readonly actBalance: pulumi.Output<number>;
  /** The latest mint this resource made ({ 0, 0 } if none). */
  declare readonly lastMint: pulumi.Output<MintOutput>;

  constructor(name: string, args: WalletArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(
      akashProvider(IMPL),
      name,
      { ...args, address: undefined, aktBalance: undefined, actBalance: undefined, lastMint: undefined },
      opts,
      AKASH_MODULE,
      "Wallet",
    );
  }
}
