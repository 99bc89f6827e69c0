/**
 * The process-wide registry of transaction queues, one per (chain id, signer address). This is the ONE
 * module-level singleton of the provider: the Pulumi engine runs resource operations concurrently in one
 * process, and they must share a signer's sequence to avoid "account sequence mismatch".
 */
import { TxQueue, type TxBackend, type TxQueueOptions } from "./txQueue";

const queues = new Map<string, TxQueue>();

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
