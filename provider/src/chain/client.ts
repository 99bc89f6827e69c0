/**
 * The entry point resources use: validates the provider configuration and returns the process-wide
 * connection (with failover), signer and tx queue for it, as views that log as the calling resource.
 */
import { z } from "zod";
import type { ChainConnection, Log } from "./connection";
import { createTxBackend } from "./cosmjsTxBackend";
import { CONFIG_KEYS, ConfigError } from "./errors";
import type { AkashSigner } from "./signer";
import type { TxQueueHandle, TxQueueOptions } from "./txQueue";
import { sharedConnection, sharedSigner, sharedTxQueue } from "./txQueues";

const configSchema = z.object({
  rpcEndpoints: z.array(z.string().regex(/^https?:\/\/[^\s]+$/, "must be an http(s) URL such as https://rpc.akashnet.net:443")).min(1, "set at least one RPC endpoint"),
  chainId: z.string().min(1, 'set the chain id, e.g. "akashnet-2"'),
  mnemonic: z.string().min(1, "set the account mnemonic (as a secret)"),
  gasPrice: z
    .string()
    .regex(/^\d+(\.\d+)?uakt$/, 'must be an amount of uakt per gas unit, e.g. "0.025uakt"')
    .default("0.025uakt"),
});

export type AkashClientConfig = z.input<typeof configSchema> & {
  requestTimeoutMs?: number;
  queue?: Omit<TxQueueOptions, "gasPrice">;
  /** the calling resource's log: its failover and tx lines go here, not to whichever resource connected first */
  log?: Log;
};

export interface AkashClient {
  conn: ChainConnection;
  signer: AkashSigner;
  queue: TxQueueHandle;
}

const keyOf: Record<string, string> = CONFIG_KEYS;

export async function connectAkashClient(config: AkashClientConfig): Promise<AkashClient> {
  const parsed = configSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0]);
    // Never echo the mnemonic: zod messages here are ours, not the input.
    throw new ConfigError(keyOf[field] ?? `akash:${field}`, issue.message);
  }
  const { rpcEndpoints, chainId, mnemonic, gasPrice } = parsed.data;
  const signer = await sharedSigner(mnemonic);
  const conn = await sharedConnection({ endpoints: rpcEndpoints, chainId, requestTimeoutMs: config.requestTimeoutMs });
  const queue = sharedTxQueue(createTxBackend(conn, signer), { ...config.queue, gasPrice });
  return { conn: conn.withLog(config.log), signer, queue: queue.withLog(config.log) };
}
