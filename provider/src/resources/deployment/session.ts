// The chain access a Deployment hook needs: a signing client (create, update, delete) or a read-only
// connection (read), both from the configure-time config. Progress lines go to stdout, which the engine shows.
import type { ChainConnection } from "../../chain/connection";
import type { AkashClient } from "../../chain/client";
import { estimateBlockTime } from "../../chain/blocks";
import { jwtSource } from "../../gateway/jwt";
import type { GatewayAuth } from "../../gateway/https";
import { providerConfig, type AkashConfig } from "../config";
import { queryConnection, signingClient } from "../chain-session";

export type Log = (message: string) => void;

export interface Session extends AkashClient {
  config: AkashConfig;
  owner: string;
  /** A fresh provider-gateway credential (JWT signed by the wallet key, reused until near expiry). */
  auth: () => Promise<GatewayAuth>;
  log: Log;
  /** How often to poll bids and lease status: about one block, between 250 ms and 2 s. */
  pollIntervalMs: number;
}

/** Progress lines for one resource, e.g. "akash web: bids 3 of 4". Never given secrets. */
export function resourceLog(name: string): Log {
  return (message) => console.log(`akash ${name}: ${message}`);
}

export async function openSession(provider: object, log: Log): Promise<Session> {
  const config = providerConfig(provider);
  const client = await signingClient(config, log);
  const token = jwtSource(client.signer);
  const pollIntervalMs = Math.min(2000, Math.max(250, Math.round((await estimateBlockTime(client.conn, 20)) * 1000)));
  return { ...client, config, owner: client.signer.address, auth: async () => ({ kind: "jwt", token: await token() }), log, pollIntervalMs };
}

/** Chain queries only: refresh must work without a mnemonic and without any provider being reachable. */
export function openReadConnection(provider: object): Promise<ChainConnection> {
  return queryConnection(providerConfig(provider));
}
