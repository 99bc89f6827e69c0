import { z } from "zod";
import { coinSchema, parseGenesis } from "../market-common/genesis";
import type { Module } from "../../chain/types";
import { DEFAULT_DEPLOYMENT_PARAMS, DeploymentKeeper } from "./keeper";
import {
  closeDeploymentHandler,
  closeGroupHandler,
  createDeploymentHandler,
  pauseGroupHandler,
  startGroupHandler,
  updateDeploymentHandler,
} from "./msgs";
import { deploymentQueries } from "./queries";

/** akash.deployment.v1beta4: deployments and their groups; genesis sets params.min_deposits. */
const genesisSchema = z.object({
  params: z.object({ minDeposits: z.array(coinSchema).optional(), min_deposits: z.array(coinSchema).optional() }).optional(),
});
const EXAMPLE = `{ params: { min_deposits: [{ denom: "uact", amount: "500000" }] } }`;

export function createModule(): Module {
  const keeper = new DeploymentKeeper();
  return {
    name: "deployment",
    keeper,
    msgs: [
      createDeploymentHandler(keeper),
      updateDeploymentHandler(keeper),
      closeDeploymentHandler(keeper),
      closeGroupHandler(),
      pauseGroupHandler(),
      startGroupHandler(),
    ],
    queries: deploymentQueries(keeper),
    aminoTypes: Object.fromEntries(
      ["MsgCreateDeployment", "MsgUpdateDeployment", "MsgCloseDeployment", "MsgCloseGroup", "MsgPauseGroup", "MsgStartGroup"].map((m) => [
        `/akash.deployment.v1beta4.${m}`,
        `akash-sdk/x/deployment/${m}`,
      ]),
    ),
    initGenesis(ctx, genesis) {
      const parsed = parseGenesis("deployment", genesisSchema, genesis, EXAMPLE);
      const minDeposits = parsed.params?.minDeposits ?? parsed.params?.min_deposits ?? DEFAULT_DEPLOYMENT_PARAMS.minDeposits;
      if (!minDeposits.some((c) => c.denom === "uact")) {
        throw new Error(`invalid deployment genesis: genesis.deployment.params.min_deposits must include uact (node validateMinDeposits) (expected e.g. ${EXAMPLE})`);
      }
      keeper.setParams(ctx, { minDeposits });
    },
  };
}

export { DeploymentKeeper } from "./keeper";
