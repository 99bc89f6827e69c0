// akash.Escrow: keeps a deployment's escrow funded; every `pulumi up` tops it up when its runway is short.
import * as pulumi from "@pulumi/pulumi";
import { moduleRef } from "../provider/src/resources/hook-module";
import { akashProvider } from "../provider/src/resources/dynamic";
import { AKASH_MODULE } from "./token";

const IMPL = moduleRef(require.resolve("../provider/src/resources/escrow/hooks"));

export interface EscrowArgs {
  /** The deployment to keep funded (owned by the configured wallet), typically `deployment.dseq`. */
  dseq: pulumi.Input<string | number>;
  /** Top up when the estimated runway is below this many hours. Default 24. */
  minRunwayHours?: pulumi.Input<number>;
  /** Top up to this many hours of runway (at least minRunwayHours). Default 72. */
  targetRunwayHours?: pulumi.Input<number>;
  /** Most ACT one `pulumi up` deposits. Default: no cap. */
  maxTopUp?: pulumi.Input<number>;
}

export class Escrow extends pulumi.dynamic.Resource {
  declare readonly dseq: pulumi.Output<string>;
  /** The deployment owner (the configured wallet). */
  declare readonly owner: pulumi.Output<string>;
  /** ACT left in the escrow account. */
  declare readonly balance: pulumi.Output<number>;
  /** ACT per block paid to all active leases. */
  declare readonly ratePerBlock: pulumi.Output<number>;
  /** Hours until the escrow runs dry; null while no lease pays from it. */
  declare readonly runwayHours: pulumi.Output<number | null>;
  /** ISO time the escrow runs dry; null while no lease pays from it. */
  declare readonly estimatedCloseTime: pulumi.Output<string | null>;
  /** ACT deposited by the latest top-up; 0 if none. */
  declare readonly lastTopUp: pulumi.Output<number>;

  constructor(name: string, args: EscrowArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(
      akashProvider(IMPL),
      name,
      { ...args, owner: undefined, balance: undefined, ratePerBlock: undefined, runwayHours: undefined, estimatedCloseTime: undefined, lastTopUp: undefined },
      opts,
      AKASH_MODULE,
      "Escrow",
    );
  }
}
