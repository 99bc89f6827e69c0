import {
  QueryDeploymentRequest,
  QueryDeploymentResponse,
  QueryDeploymentsRequest,
  QueryDeploymentsResponse,
  QueryGroupRequest,
  QueryGroupResponse,
  QueryParamsRequest,
  QueryParamsResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { Context, QueryHandler } from "../../chain/types";
import { accountToProto } from "../escrow/convert";
import { escrowErrors } from "../escrow/errors";
import type { EscrowKeeper } from "../escrow/keeper";
import { invalidArgument, queryNotFound } from "../market-common/errors";
import { deploymentRef, groupRef } from "../market-common/id-validation";
import { deploymentString, isAccAddress, u64 } from "../market-common/ids";
import { listQuery } from "../market-common/table";
import { deploymentToProto, groupToProto } from "./convert";
import { deploymentErrors } from "./errors";
import type { DeploymentKeeper, DeploymentRecord } from "./keeper";

/** akash.deployment.v1beta4.Query (node x/deployment/keeper/grpc_query.go). */
const DEPLOYMENT_STATES = ["active", "closed"] as const;

function fullDeployment(ctx: Context, keeper: DeploymentKeeper, d: DeploymentRecord): QueryDeploymentResponse {
  const account = ctx.keeper<EscrowKeeper>("escrow").getAccount(ctx, { scope: "deployment", xid: deploymentString(d) });
  if (!account) throw queryNotFound(escrowErrors.accountNotFound());
  return QueryDeploymentResponse.fromPartial({
    deployment: deploymentToProto(d),
    groups: keeper.getGroups(ctx, d).map(groupToProto),
    escrowAccount: accountToProto(account),
  });
}

export function deploymentQueries(keeper: DeploymentKeeper): QueryHandler<any, any>[] {
  const deployments: QueryHandler<QueryDeploymentsRequest, QueryDeploymentsResponse> = {
    path: "/akash.deployment.v1beta4.Query/Deployments",
    request: QueryDeploymentsRequest,
    response: QueryDeploymentsResponse,
    rest: "GET /akash/deployment/v1beta4/deployments/list",
    handle(ctx, req) {
      const f = req.filters;
      const dseq = u64(f?.dseq);
      const page = listQuery(ctx, keeper.deployments, {
        state: f?.state ?? "",
        allStates: DEPLOYMENT_STATES,
        owner: f?.owner || undefined,
        accept: (d) => (!f?.owner || d.owner === f.owner) && (dseq === "0" || d.dseq === dseq),
        page: req.pagination,
      });
      return QueryDeploymentsResponse.fromPartial({
        deployments: page.items.map((d) => fullDeployment(ctx, keeper, d)),
        pagination: { nextKey: page.nextKey, total: page.total.toString() },
      });
    },
  };

  const deployment: QueryHandler<QueryDeploymentRequest, QueryDeploymentResponse> = {
    path: "/akash.deployment.v1beta4.Query/Deployment",
    request: QueryDeploymentRequest,
    response: QueryDeploymentResponse,
    rest: "GET /akash/deployment/v1beta4/deployments/info",
    handle(ctx, req) {
      const id = deploymentRef(req.id);
      if (!isAccAddress(id.owner)) throw invalidArgument("invalid owner address");
      const d = keeper.getDeployment(ctx, id);
      if (!d) throw queryNotFound(deploymentErrors.deploymentNotFound());
      return fullDeployment(ctx, keeper, d);
    },
  };

  const group: QueryHandler<QueryGroupRequest, QueryGroupResponse> = {
    path: "/akash.deployment.v1beta4.Query/Group",
    request: QueryGroupRequest,
    response: QueryGroupResponse,
    rest: "GET /akash/deployment/v1beta4/groups/info",
    handle(ctx, req) {
      const id = groupRef(req.id);
      if (!isAccAddress(id.owner)) throw invalidArgument("invalid owner address");
      const g = keeper.getGroup(ctx, id);
      if (!g) throw queryNotFound(deploymentErrors.groupNotFound());
      return QueryGroupResponse.fromPartial({ group: groupToProto(g) });
    },
  };

  const params: QueryHandler<QueryParamsRequest, QueryParamsResponse> = {
    path: "/akash.deployment.v1beta4.Query/Params",
    request: QueryParamsRequest,
    response: QueryParamsResponse,
    rest: "GET /akash/deployment/v1beta4/params",
    handle: (ctx) => QueryParamsResponse.fromPartial({ params: keeper.getParams(ctx) }),
  };

  return [deployments, deployment, group, params];
}
