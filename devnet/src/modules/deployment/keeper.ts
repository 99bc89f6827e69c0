import type { Coin, Context } from "../../chain/types";
import {
  type DeploymentIdRef,
  type GroupIdRef,
  deploymentIdJson,
  deploymentKeyPart,
  groupIdJson,
  groupKeyPart,
} from "../market-common/ids";
import { IndexedTable } from "../market-common/table";
import { deploymentErrors } from "./errors";

/**
 * x/deployment keeper (node x/deployment/keeper/keeper.go): deployments indexed by state, groups by
 * deployment, params, and the typed events each change emits.
 */
export type DeploymentState = "active" | "closed";
export type GroupState = "open" | "paused" | "insufficient_funds" | "closed";

export interface DeploymentRecord extends DeploymentIdRef {
  state: DeploymentState;
  /** Manifest hash, base64. */
  hash: string;
  createdAt: string;
}

export interface GroupRecord extends GroupIdRef {
  state: GroupState;
  /** GroupSpec in proto-JSON (chain-sdk GroupSpec.toJSON). */
  spec: unknown;
  createdAt: string;
}

export interface DeploymentParams {
  minDeposits: Coin[];
}

/** Mainnet values since the v2.0.0 upgrade (node upgrades/software/v2.0.0). */
export const DEFAULT_DEPLOYMENT_PARAMS: DeploymentParams = {
  minDeposits: [
    { denom: "uact", amount: "500000" },
    { denom: "uakt", amount: "500000" },
  ],
};

const PARAMS_KEY = "deployment/params";

export class DeploymentKeeper {
  readonly deployments = new IndexedTable<DeploymentRecord>("deployment/deployments", (d) => d.state);
  readonly groups = new IndexedTable<GroupRecord>("deployment/groups", (g) => g.state);

  getParams(ctx: Context): DeploymentParams {
    return ctx.store.get<DeploymentParams>(PARAMS_KEY) ?? DEFAULT_DEPLOYMENT_PARAMS;
  }

  setParams(ctx: Context, params: DeploymentParams): void {
    ctx.store.set(PARAMS_KEY, params);
  }

  getDeployment(ctx: Context, id: DeploymentIdRef): DeploymentRecord | undefined {
    return this.deployments.get(ctx, deploymentKeyPart(id));
  }

  getGroup(ctx: Context, id: GroupIdRef): GroupRecord | undefined {
    return this.groups.get(ctx, groupKeyPart(id));
  }

  getGroups(ctx: Context, id: DeploymentIdRef): GroupRecord[] {
    return this.groups.byPrefix(ctx, `${deploymentKeyPart(id)}/`).map(([, g]) => g);
  }

  create(ctx: Context, deployment: DeploymentRecord, groups: GroupRecord[]): void {
    if (this.getDeployment(ctx, deployment)) throw deploymentErrors.deploymentExists();
    this.deployments.set(ctx, deploymentKeyPart(deployment), deployment);
    for (const g of groups) this.groups.set(ctx, groupKeyPart(g), g);
    ctx.events.emitTyped("akash.deployment.v1.EventDeploymentCreated", { id: deploymentIdJson(deployment), hash: deployment.hash });
  }

  updateDeployment(ctx: Context, deployment: DeploymentRecord): void {
    if (!this.getDeployment(ctx, deployment)) throw deploymentErrors.deploymentNotFound();
    this.deployments.set(ctx, deploymentKeyPart(deployment), deployment);
    ctx.events.emitTyped("akash.deployment.v1.EventDeploymentUpdated", { id: deploymentIdJson(deployment), hash: deployment.hash });
  }

  closeDeployment(ctx: Context, deployment: DeploymentRecord): void {
    if (deployment.state === "closed") throw deploymentErrors.deploymentClosed();
    if (!this.getDeployment(ctx, deployment)) throw deploymentErrors.deploymentNotFound();
    this.deployments.set(ctx, deploymentKeyPart(deployment), { ...deployment, state: "closed" });
    ctx.events.emitTyped("akash.deployment.v1.EventDeploymentClosed", { id: deploymentIdJson(deployment) });
  }

  private setGroupState(ctx: Context, group: GroupRecord, state: GroupState, event: string): void {
    if (!this.getGroup(ctx, group)) throw deploymentErrors.groupNotFound();
    this.groups.set(ctx, groupKeyPart(group), { ...group, state });
    ctx.events.emitTyped(`akash.deployment.v1.${event}`, { id: groupIdJson(group) });
  }

  onCloseGroup(ctx: Context, group: GroupRecord, state: GroupState): void {
    this.setGroupState(ctx, group, state, "EventGroupClosed");
  }

  onPauseGroup(ctx: Context, group: GroupRecord): void {
    this.setGroupState(ctx, group, "paused", "EventGroupPaused");
  }

  onStartGroup(ctx: Context, group: GroupRecord): void {
    this.setGroupState(ctx, group, "open", "EventGroupStarted");
  }

  /** A provider closed the bid of an active lease: the group pauses (node keeper OnBidClosed). */
  onBidClosed(ctx: Context, id: GroupIdRef): void {
    const group = this.getGroup(ctx, id);
    if (!group) throw deploymentErrors.groupNotFound();
    this.onPauseGroup(ctx, group);
  }
}

/** Group.ValidateClosable / ValidatePausable / ValidateStartable. */
export function closableError(g: GroupRecord) {
  return g.state === "closed" ? deploymentErrors.groupClosed() : undefined;
}
export function pausableError(g: GroupRecord) {
  if (g.state === "closed") return deploymentErrors.groupClosed();
  if (g.state === "paused") return deploymentErrors.groupPaused();
  return undefined;
}
export function startableError(g: GroupRecord) {
  if (g.state === "closed") return deploymentErrors.groupClosed();
  if (g.state === "open") return deploymentErrors.groupOpen();
  return undefined;
}
