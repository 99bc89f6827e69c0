/** Deployment module queries (akash.deployment.v1beta4.Query). */
import {
  QueryDeploymentRequest,
  QueryDeploymentResponse,
  QueryParamsRequest,
  QueryParamsResponse,
  type Params,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { ChainTxError } from "../errors";
import type { ChainConnection } from "../connection";

/** The deployment with its groups and escrow account, or undefined if the chain has none with this id. */
export async function queryDeployment(conn: ChainConnection, owner: string, dseq: string | bigint): Promise<QueryDeploymentResponse | undefined> {
  try {
    return await conn.query(
      "/akash.deployment.v1beta4.Query/Deployment",
      QueryDeploymentRequest,
      { id: { owner, dseq: String(dseq) } },
      QueryDeploymentResponse,
    );
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export async function queryDeploymentParams(conn: ChainConnection): Promise<Params> {
  const res = await conn.query("/akash.deployment.v1beta4.Query/Params", QueryParamsRequest, {}, QueryParamsResponse);
  if (!res.params) throw new Error("deployment params missing from the chain's answer");
  return res.params;
}

/** "deployment not found" (deployment code 4) or a gRPC NotFound wrapped in the query log. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ChainTxError && /not found/i.test(error.log);
}
