import { Deployment, Deployment_State } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { Group, Group_State } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { specFromJson } from "./groupspec";
import type { DeploymentRecord, GroupRecord } from "./keeper";

/** Stored records → chain-sdk messages for query responses. */
export function deploymentToProto(d: DeploymentRecord): Deployment {
  return Deployment.fromPartial({
    id: { owner: d.owner, dseq: d.dseq },
    state: Deployment_State[d.state],
    hash: Buffer.from(d.hash, "base64"),
    createdAt: d.createdAt,
  });
}

export function groupToProto(g: GroupRecord): Group {
  return Group.fromPartial({
    id: { owner: g.owner, dseq: g.dseq, gseq: g.gseq },
    state: Group_State[g.state],
    groupSpec: specFromJson(g.spec),
    createdAt: g.createdAt,
  });
}
