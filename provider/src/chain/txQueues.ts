/**
 * The process-wide registries of the provider: per signer, its transaction queue and its provider-gateway JWT;
 * the signer derived from each mnemonic; the connection to each set of endpoints; and the cap on concurrent
 * gateway requests. These are the ONE module-level singleton of the provider: the Pulumi engine runs resource
 * operations concurrently in one process, and they must share a signer's sequence to avoid "account sequence
 * mismatch"; sharing the signer, its JWT and the connection too means N resources derive the key (pbkdf2 +
 * BIP32), sign a token and probe the RPC endpoint once, not N times, and the gateway cap only means something
 * if every resource of the process counts against the same one.
 */
import { sha256 } from "@cosmjs/crypto";
import { toHex, toUtf8 } from "@cosmjs/encoding";
import { jwtSource } from "../gateway/jwt";
import { Limiter, MAX_CONCURRENT_GATEWAY_REQUESTS } from "../gateway/limiter";
import { ChainConnection, type ConnectionOptions } from "./connection";
import { normalizeMnemonic, signerFromMnemonic, type AkashSigner } from "./signer";
import { TxQueue, type TxBackend, type TxQueueOptions } from "./txQueue";

const queues = new Map<string, TxQueue>();
/** keyed by signer address: the provider verifies a token against the account, whatever the chain connection */
const gatewayTokens = new Map<string, () => Promise<string>>();
/** keyed by a hash of the mnemonic: the mnemonic itself is never kept as a key */
const signers = new Map<string, Promise<AkashSigner>>();
const connections = new Map<string, Promise<ChainConnection>>();
const gatewayLimit = new Limiter(MAX_CONCURRENT_GATEWAY_REQUESTS);

/** The shared queue for the backend's (chain, address); the first caller's backend and options are kept. */
export function sharedTxQueue(backend: TxBackend, options?: TxQueueOptions): TxQueue {
  const key = `${backend.chainId}/${backend.address}`;
  let queue = queues.get(key);
  if (!queue) {
    queue = new TxQueue(backend, options);
    queues.set(key, queue);
  }
  return queue;
}

/** The signer's provider-gateway JWT source (default scope and lifetime), one per signer for the process. */
export function sharedGatewayToken(signer: AkashSigner): () => Promise<string> {
  let token = gatewayTokens.get(signer.address);
  if (!token) {
    token = jwtSource(signer);
    gatewayTokens.set(signer.address, token);
  }
  return token;
}

/** The process's cap on concurrent provider-gateway requests (probes, manifest sends, lease status polls). */
export function sharedGatewayLimit(): Limiter {
  return gatewayLimit;
}

/** The signer of a mnemonic, derived once per process (a failed derivation is not remembered). */
export function sharedSigner(mnemonic: string): Promise<AkashSigner> {
  const key = toHex(sha256(toUtf8(normalizeMnemonic(mnemonic))));
  return remembered(signers, key, () => signerFromMnemonic(mnemonic));
}

/** One failover connection per (chain id, endpoints, timeout); callers log through their own view (withLog). */
export function sharedConnection(options: Omit<ConnectionOptions, "log">): Promise<ChainConnection> {
  const key = JSON.stringify([options.chainId, options.endpoints, options.requestTimeoutMs ?? null]);
  return remembered(connections, key, () => ChainConnection.connect(options));
}

function remembered<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}
