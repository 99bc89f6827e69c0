/**
 * The process-wide registries of the provider: the transaction queue of each (chain id, signer address),
 * the signer derived from each mnemonic and the connection to each set of endpoints. These are the ONE
 * module-level singleton of the provider: the Pulumi engine runs resource operations concurrently in one
 * process, and they must share a signer's sequence to avoid "account sequence mismatch"; sharing the
 * signer and the connection too means N resources derive the key (pbkdf2 + BIP32) and probe the RPC
 * endpoint once, not N times.
 */
import { sha256 } from "@cosmjs/crypto";
import { toHex, toUtf8 } from "@cosmjs/encoding";
import { ChainConnection, type ConnectionOptions } from "./connection";
import { normalizeMnemonic, signerFromMnemonic, type AkashSigner } from "./signer";
import { TxQueue, type TxBackend, type TxQueueOptions } from "./txQueue";

const queues = new Map<string, TxQueue>();
/** keyed by a hash of the mnemonic: the mnemonic itself is never kept as a key */
const signers = new Map<string, Promise<AkashSigner>>();
const connections = new Map<string, Promise<ChainConnection>>();

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

/** The signer of a mnemonic, derived once per process (a failed derivation is not remembered). */
export function sharedSigner(mnemonic: string): Promise<AkashSigner> {
  const key = toHex(sha256(toUtf8(normalizeMnemonic(mnemonic))));
  return remembered(signers, key, () => signerFromMnemonic(mnemonic));
}

/** One failover connection per (chain id, endpoints, timeout); the first caller's log is kept. */
export function sharedConnection(options: ConnectionOptions): Promise<ChainConnection> {
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
