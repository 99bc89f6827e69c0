import {
  type GroupSpec,
  MsgCloseDeployment,
  MsgCloseDeploymentResponse,
  MsgCloseGroup,
  MsgCloseGroupResponse,
  MsgCreateDeployment,
  MsgCreateDeploymentResponse,
  MsgPauseGroup,
  MsgPauseGroupResponse,
  MsgStartGroup,
  MsgStartGroupResponse,
  MsgUpdateDeployment,
  MsgUpdateDeploymentResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { ChainError, Context, MsgHandler } from "../../chain/types";
import { depositError, depositRequest } from "../escrow/deposit";
import type { EscrowKeeper } from "../escrow/keeper";
import { unregistered, withDetail } from "../market-common/errors";
import { deploymentIdError, deploymentRef, groupIdError, groupRef, throwIf } from "../market-common/id-validation";
import { deploymentString } from "../market-common/ids";
import type { MarketKeeper } from "../market/keeper";
import { deploymentErrors } from "./errors";
import { groupPrice, groupSpecError, specToJson } from "./groupspec";
import { type DeploymentKeeper, type DeploymentParams, closableError, pausableError, startableError } from "./keeper";

/**
 * akash.deployment.v1beta4.Msg handlers (node x/deployment/handler/server.go) with chain-sdk ValidateBasic;
 * the order of checks decides which error a client sees, so it follows the Go code line by line.
 */
const HASH_LENGTH = 32;

function hashError(hash: Uint8Array): ChainError | undefined {
  if (hash.length === 0) return deploymentErrors.emptyHash();
  if (hash.length !== HASH_LENGTH) return deploymentErrors.invalidHash();
  return undefined;
}

/** Params.ValidateDeposit: the denom needs a min_deposits entry and the amount must reach it. */
function validateDepositAmount(params: DeploymentParams, denom: string, amount: bigint): void {
  const min = params.minDeposits.find((c) => c.denom === denom);
  if (!min) throw withDetail(deploymentErrors.invalidDeposit(), `Invalid deposit denomination ${denom}`);
  if (amount < BigInt(min.amount)) throw deploymentErrors.invalidDeposit().wrap(`Deposit too low - ${amount} < ${min.amount}${min.denom}`);
}

/** ValidateDeploymentGroups (handler side): one price denom, valid groups, unique names. */
function deploymentGroupsError(groups: GroupSpec[]): ChainError | undefined {
  if (groups.length === 0) return deploymentErrors.invalidGroups();
  const names = new Set<string>();
  let denom = "";
  for (const [idx, group] of groups.entries()) {
    const gDenom = groupPrice(group).denom;
    if (idx === 0) denom = gDenom;
    else if (gDenom !== denom) return deploymentErrors.invalidPrice().wrap(`inconsistent group denomination: ${denom} != ${gDenom}`);
    const err = groupSpecError(group);
    if (err) return unregistered(err);
    if (names.has(group.name)) return deploymentErrors.duplicateGroupName().wrap(`duplicate deployment group name ${group.name}`);
    names.add(group.name);
  }
  if (denom === "") return deploymentErrors.invalidPrice().wrap(`unsupported denomination ${denom}`);
  return undefined;
}

export function createDeploymentHandler(keeper: DeploymentKeeper): MsgHandler<MsgCreateDeployment> {
  return {
    typeUrl: `/${MsgCreateDeployment.$type}`,
    codec: MsgCreateDeployment,
    response: MsgCreateDeploymentResponse,
    signers: (msg) => [msg.id?.owner ?? ""],
    validateBasic(msg) {
      throwIf(deploymentIdError(deploymentRef(msg.id)));
      throwIf(depositError(msg.deposit));
      if (msg.groups.length === 0) throw deploymentErrors.invalidGroups();
      throwIf(hashError(msg.hash));
      const depositAmount = BigInt(msg.deposit?.amount?.amount || "0");
      for (const group of msg.groups) {
        const err = groupSpecError(group);
        if (err) throw unregistered(err);
        const gDenom = groupPrice(group).denom;
        if (depositAmount !== 0n && gDenom !== msg.deposit?.amount?.denom) {
          throw deploymentErrors.invalidDeposit().wrap(`Mismatched denominations (${msg.deposit?.amount?.denom} != ${gDenom})`);
        }
      }
    },
    handle(ctx: Context, msg) {
      const id = deploymentRef(msg.id);
      if (keeper.getDeployment(ctx, id)) throw deploymentErrors.deploymentExists();
      const deposit = depositRequest(msg.deposit);
      validateDepositAmount(keeper.getParams(ctx), deposit.denom, deposit.amount);
      // AKT deposits are only allowed via MsgAccountDeposit into an existing deployment.
      if (deposit.denom === "uakt") throw deploymentErrors.invalidDeposit();
      const groupsErr = deploymentGroupsError(msg.groups);
      if (groupsErr) throw deploymentErrors.invalidGroups().wrap(groupsErr.message);
      const denom = groupPrice(msg.groups[0]).denom;
      if (denom !== "uact") throw deploymentErrors.invalidPrice().wrap(`unsupported denomination ${denom}`);

      const escrow = ctx.keeper<EscrowKeeper>("escrow");
      const depositors = escrow.authorizeDeposits(ctx, id.owner, deposit, "deployment");
      const height = String(ctx.block.height);
      const groups = msg.groups.map((spec, idx) => ({ ...id, gseq: idx + 1, state: "open" as const, spec: specToJson(spec), createdAt: height }));
      keeper.create(ctx, { ...id, state: "active", hash: Buffer.from(msg.hash).toString("base64"), createdAt: height }, groups);
      const market = ctx.keeper<MarketKeeper>("market");
      for (const g of groups) market.createOrder(ctx, g, g.spec);
      escrow.accountCreate(ctx, { scope: "deployment", xid: deploymentString(id) }, id.owner, depositors);
      return {};
    },
  };
}

export function updateDeploymentHandler(keeper: DeploymentKeeper): MsgHandler<MsgUpdateDeployment> {
  return {
    typeUrl: `/${MsgUpdateDeployment.$type}`,
    codec: MsgUpdateDeployment,
    response: MsgUpdateDeploymentResponse,
    signers: (msg) => [msg.id?.owner ?? ""],
    validateBasic(msg) {
      throwIf(deploymentIdError(deploymentRef(msg.id)));
      throwIf(hashError(msg.hash));
    },
    handle(ctx, msg) {
      const deployment = keeper.getDeployment(ctx, deploymentRef(msg.id));
      if (!deployment) throw deploymentErrors.deploymentNotFound();
      if (deployment.state !== "active") throw deploymentErrors.deploymentClosed();
      const hash = Buffer.from(msg.hash).toString("base64");
      if (hash === deployment.hash) throw deploymentErrors.invalidHash();
      keeper.updateDeployment(ctx, { ...deployment, hash });
      return {};
    },
  };
}

export function closeDeploymentHandler(keeper: DeploymentKeeper): MsgHandler<MsgCloseDeployment> {
  return {
    typeUrl: `/${MsgCloseDeployment.$type}`,
    codec: MsgCloseDeployment,
    response: MsgCloseDeploymentResponse,
    signers: (msg) => [msg.id?.owner ?? ""],
    validateBasic: (msg) => throwIf(deploymentIdError(deploymentRef(msg.id))),
    handle(ctx, msg) {
      const deployment = keeper.getDeployment(ctx, deploymentRef(msg.id));
      if (!deployment) throw deploymentErrors.deploymentNotFound();
      if (deployment.state !== "active") throw deploymentErrors.deploymentClosed();
      // Everything else (groups, orders, bids, leases, refunds) follows from the escrow account-closed hook.
      ctx.keeper<EscrowKeeper>("escrow").accountClose(ctx, { scope: "deployment", xid: deploymentString(deployment) });
      return {};
    },
  };
}

type GroupMsg = MsgCloseGroup | MsgPauseGroup | MsgStartGroup;

function groupHandler<T extends GroupMsg>(
  codec: MsgHandler<T>["codec"] & { $type: string },
  response: MsgHandler<T>["response"],
  act: (ctx: Context, keeper: DeploymentKeeper, msg: T) => void,
): MsgHandler<T> {
  return {
    typeUrl: `/${codec.$type}`,
    codec,
    response,
    signers: (msg) => [msg.id?.owner ?? ""],
    validateBasic: (msg) => throwIf(groupIdError(groupRef(msg.id))),
    handle(ctx, msg) {
      act(ctx, ctx.keeper<DeploymentKeeper>("deployment"), msg);
      return {};
    },
  };
}

function loadGroup(ctx: Context, keeper: DeploymentKeeper, msg: GroupMsg) {
  const group = keeper.getGroup(ctx, groupRef(msg.id));
  if (!group) throw deploymentErrors.groupNotFound();
  return group;
}

export const closeGroupHandler = () =>
  groupHandler<MsgCloseGroup>(MsgCloseGroup, MsgCloseGroupResponse, (ctx, keeper, msg) => {
    const group = loadGroup(ctx, keeper, msg);
    throwIf(closableError(group));
    keeper.onCloseGroup(ctx, group, "closed");
    ctx.keeper<MarketKeeper>("market").onGroupClosed(ctx, group, "closed");
  });

export const pauseGroupHandler = () =>
  groupHandler<MsgPauseGroup>(MsgPauseGroup, MsgPauseGroupResponse, (ctx, keeper, msg) => {
    const group = loadGroup(ctx, keeper, msg);
    throwIf(pausableError(group));
    keeper.onPauseGroup(ctx, group);
    ctx.keeper<MarketKeeper>("market").onGroupClosed(ctx, group, "paused");
  });

export const startGroupHandler = () =>
  groupHandler<MsgStartGroup>(MsgStartGroup, MsgStartGroupResponse, (ctx, keeper, msg) => {
    const group = loadGroup(ctx, keeper, msg);
    throwIf(startableError(group));
    keeper.onStartGroup(ctx, group);
    if (!keeper.getDeployment(ctx, group)) throw deploymentErrors.deploymentNotFound();
    ctx.keeper<MarketKeeper>("market").createOrder(ctx, group, group.spec);
  });

