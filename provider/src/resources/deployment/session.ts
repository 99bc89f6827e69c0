// The chain access a Deployment hook needs: a signing client (create, update, delete) or a read-only
// connection (read), both from the configure-time config, plus the gateway credential (the process's shared JWT,
// or the resource's mTLS certificate) and request cap. Progress lines go to stdout, which the engine shows; each
// names its resource.
import type { ChainConnection, Log } from "../../chain/connection";
import type { AkashClient } from "../../chain/client";
import { estimateBlockTime } from "../../chain/blocks";
import { sharedGatewayLimit, sharedGatewayToken } from "../../chain/txQueues";
import type { GatewayAuth } from "../../gateway/https";
import type { Limiter } from "../../gateway/limiter";
import { providerConfig, type AkashConfig } from "../config";
import { queryConnection, signingClient } from "../chain-session";
import { resourceLog as typedResourceLog } from "../hook-support";
import { verifyGatewayCertificate, type GatewayCredentials } from "./gateway-auth";

export interface Session extends AkashClient {
  config: AkashConfig;
  owner: string;
  /** A fresh provider-gateway credential: a JWT signed by the wallet key (shared by the signer's resources), or mTLS. */
  auth: () => Promise<GatewayAuth>;
  authKind: GatewayAuth["kind"];
  /** The process's cap on concurrent provider-gateway requests. */
  gatewayLimit: Limiter;
  log: Log;
  /** The chain's measured average block time: every price per month and runway uses it. */
  blockTimeSeconds: number;
  /** How often to poll bids and lease status: about one block, between 250 ms and 2 s. */
  pollIntervalMs: number;
}

/**
 * How a Deployment's lines name it: its Pulumi name (the last segment of resourceKey, which the SDK sets to
 * <project>/<stack>/<name>) and, once it has one, its dseq. E.g. "web" or "web, deployment 123".
 */
export function resourceName(props: Record<string, unknown>, dseq?: string): string {
  const name = typeof props.resourceKey === "string" ? props.resourceKey.split("/").pop() : undefined;
  return [name, dseq === undefined ? undefined : `deployment ${dseq}`].filter(Boolean).join(", ") || "deployment (new)";
}

/** Progress lines for one resource, e.g. "akash.Deployment web: bids 3 of 4". Never given secrets. */
export function resourceLog(name: string): Log {
  return typedResourceLog("Deployment", name);
}

/** With `credentials` (gatewayAuth), verified on chain before anything is sent, gateways are spoken to over mTLS. */
export async function openSession(provider: object, log: Log, credentials?: GatewayCredentials): Promise<Session> {
  const config = providerConfig(provider);
  const client = await signingClient(config, log);
  if (credentials) await verifyGatewayCertificate(client.conn, client.signer.address, credentials);
  const blockTimeSeconds = await estimateBlockTime(client.conn);
  return {
    ...client,
    config,
    owner: client.signer.address,
    ...gatewayAuth(client, credentials),
    gatewayLimit: sharedGatewayLimit(),
    log,
    blockTimeSeconds,
    pollIntervalMs: Math.min(2000, Math.max(250, Math.round(blockTimeSeconds * 1000))),
  };
}

function gatewayAuth(client: AkashClient, credentials?: GatewayCredentials): Pick<Session, "auth" | "authKind"> {
  if (credentials) {
    const mtls: GatewayAuth = { kind: "mtls", certPem: credentials.certPem, keyPem: credentials.privateKeyPem };
    return { auth: async () => mtls, authKind: "mtls" };
  }
  const token = sharedGatewayToken(client.signer);
  return { auth: async () => ({ kind: "jwt", token: await token() }), authKind: "jwt" };
}

/** Chain queries only: refresh must work without a mnemonic and without any provider being reachable. */
export function openReadConnection(provider: object): Promise<ChainConnection> {
  return queryConnection(providerConfig(provider));
}
