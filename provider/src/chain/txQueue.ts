/**
 * The per-signer transaction queue. Every resource of the process submits its messages here; messages
 * requested within a short window go out as ONE multi-message tx signed with an explicitly tracked
 * sequence (no "account sequence mismatch" between our own txs, and N resources cost one tx, not N).
 * The window closes once submissions go quiet, so a wave that trickles in (e.g. leases requested as
 * each deployment's bids arrive) still shares one tx.
 *
 * - Sequence: loaded once, incremented per accepted tx, resynced from the chain on a mismatch (an outside
 *   tx used the wallet). Before re-sending after an unknown outcome (dead endpoint, lost response) the
 *   queue first looks the earlier tx up, so nothing is ever sent twice.
 * - Isolation: when simulate/deliver fails and the chain names the message ("message index: N"), only
 *   the caller owning that message fails (with the chain's error); the others are retried without it.
 *   An error naming no message splits the batch into one tx per caller so errors land where they belong.
 * - Logs: each caller passes its own log with its messages; a line about a tx (resync, out of gas, a message
 *   rejected, failover while sending) goes to every caller in it and says how many resources share the tx.
 */
import { calculateFee, GasPrice, type StdFee } from "@cosmjs/stargate";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import { ChainTxError, TxTimeoutError, expectedSequenceFromLog, isSequenceMismatchLog, isTransportError } from "./errors";
import { eventsForMessages, ownerOfMessage, type TxEvent } from "./txEvents";
import type { Log } from "./connection";

export interface SignerData {
  accountNumber: number;
  sequence: number;
  chainId: string;
}

/** A tx found in a block. */
export interface IncludedTx {
  hash: string;
  height: number;
  code: number;
  codespace: string;
  log: string;
  events: readonly TxEvent[];
  msgResponses: ReadonlyArray<{ typeUrl: string; value: Uint8Array }>;
  gasUsed: number;
  gasWanted: number;
}

/**
 * What the queue needs from the chain and the key (a fake in unit tests, cosmjs over RPC otherwise). `log`
 * receives what happens on the way (an RPC failover) for the callers of the tx being sent.
 */
export interface TxBackend {
  readonly chainId: string;
  readonly address: string;
  account(log?: Log): Promise<{ accountNumber: number; sequence: number }>;
  /** Gas used by the messages at `sequence`; throws ChainTxError (stage simulate) on rejection. */
  simulate(messages: readonly EncodeObject[], memo: string, sequence: number, log?: Log): Promise<number>;
  sign(messages: readonly EncodeObject[], fee: StdFee, memo: string, signerData: SignerData): Promise<Uint8Array>;
  /** broadcast_tx_sync; throws ChainTxError (stage broadcast) on a CheckTx rejection, other errors if unreachable. */
  broadcastSync(txBytes: Uint8Array, log?: Log): Promise<void>;
  /** The tx if it is in a block, else undefined. */
  findTx(hash: string, log?: Log): Promise<IncludedTx | undefined>;
}

export interface TxQueueOptions {
  /**
   * A tx goes out once no message was submitted for this long (the many resources of one `pulumi up`
   * reach the same step within a few ms of each other, then go quiet). Default 100 ms.
   */
  batchWindowMs?: number;
  /** ...but no later than this after the oldest pending message. Default 1000 ms. */
  maxBatchDelayMs?: number;
  /** Cap on messages per tx (larger batches are split). Default 50. */
  maxMessagesPerTx?: number;
  /** Default 1.5 (simulated gas x multiplier = gas limit). */
  gasMultiplier?: number;
  /** Default "0.025uakt". */
  gasPrice?: string;
  /** How often to look for the tx in a block. Default 500 ms. */
  pollIntervalMs?: number;
  /** Give up waiting for inclusion after this long. Default 60000 ms. */
  inclusionTimeoutMs?: number;
  /** Sequence resyncs/resends per batch before giving up. Default 5. */
  maxSequenceRetries?: number;
}

export interface SubmitOptions {
  memo?: string;
  /** The submitting resource's log, for lines about the tx its messages go out in. */
  log?: Log;
}

/** One caller's share of a tx result. */
export interface TxResult {
  txHash: string;
  height: number;
  /** gas of the whole tx (shared with the other callers batched into it) */
  gasUsed: number;
  gasWanted: number;
  /** responses to this caller's messages, in order */
  msgResponses: Array<{ typeUrl: string; value: Uint8Array }>;
  /** events of this caller's messages (their msg_index attributes are batch positions, see messageIndexOffset) */
  events: TxEvent[];
  /** position of this caller's first message in the tx */
  messageIndexOffset: number;
  /** number of messages in the whole tx */
  batchMessages: number;
}

export interface TxQueueStats {
  txsSent: number;
  messagesSent: number;
  gasUsed: number;
  gasWanted: number;
  sequenceRetries: number;
  /** callers failed alone while the rest of their batch was retried */
  isolatedFailures: number;
}

interface Attempt {
  hash: string;
  sequence: number;
}

interface Request {
  messages: readonly EncodeObject[];
  memo: string;
  log?: Log;
  enqueuedAt: number;
  resolve(result: TxResult): void;
  reject(error: unknown): void;
}

/** One caller's handle on a shared queue (see TxQueue.withLog); a TxQueue is one too. */
export type TxQueueHandle = Pick<TxQueue, "address" | "submit" | "reserveDseq" | "markCreating" | "isCreating" | "stats">;

export class TxQueue {
  private readonly opts: Required<TxQueueOptions>;
  private readonly gasPrice: GasPrice;
  private pending: Request[] = [];
  private running = false;
  private timer?: NodeJS.Timeout;
  private accountNumber?: number;
  /** next sequence to sign with; undefined = unknown, load from chain */
  private sequence?: number;
  private lastDseq = 0;
  private readonly creating = new Set<string>();
  private readonly counters: TxQueueStats = {
    txsSent: 0,
    messagesSent: 0,
    gasUsed: 0,
    gasWanted: 0,
    sequenceRetries: 0,
    isolatedFailures: 0,
  };

  constructor(
    private readonly backend: TxBackend,
    options: TxQueueOptions = {},
  ) {
    this.opts = {
      batchWindowMs: options.batchWindowMs ?? 100,
      maxBatchDelayMs: options.maxBatchDelayMs ?? 1000,
      maxMessagesPerTx: options.maxMessagesPerTx ?? 50,
      gasMultiplier: options.gasMultiplier ?? 1.5,
      gasPrice: options.gasPrice ?? "0.025uakt",
      pollIntervalMs: options.pollIntervalMs ?? 500,
      inclusionTimeoutMs: options.inclusionTimeoutMs ?? 60_000,
      maxSequenceRetries: options.maxSequenceRetries ?? 5,
    };
    this.gasPrice = GasPrice.fromString(this.opts.gasPrice);
  }

  get address(): string {
    return this.backend.address;
  }

  /** This queue (same sequence, batches and dseqs) submitting with `log` unless a submit names its own. */
  withLog(log: Log | undefined): TxQueueHandle {
    return {
      address: this.address,
      submit: (messages, options) => this.submit(messages, { log, ...options }),
      reserveDseq: (height) => this.reserveDseq(height),
      markCreating: (dseq) => this.markCreating(dseq),
      isCreating: (dseq) => this.isCreating(dseq),
      stats: () => this.stats(),
    };
  }

  /**
   * A deployment sequence number for a new deployment of this signer: the current height (the CLI's
   * convention), bumped past any dseq already handed out, so concurrent creates in one block never collide.
   */
  reserveDseq(height: number): string {
    this.lastDseq = Math.max(height, this.lastDseq + 1);
    return String(this.lastDseq);
  }

  /**
   * Marks a deployment of this signer as being created in this process until the returned release is called,
   * so crash recovery never takes another in-flight create's deployment for an unfinished one.
   */
  markCreating(dseq: string): () => void {
    this.creating.add(dseq);
    return () => this.creating.delete(dseq);
  }

  isCreating(dseq: string): boolean {
    return this.creating.has(dseq);
  }

  stats(): TxQueueStats {
    return { ...this.counters };
  }

  /** Queues messages (signed by this queue's account) and resolves with this caller's share of the tx. */
  submit(messages: readonly EncodeObject[], options: SubmitOptions = {}): Promise<TxResult> {
    if (messages.length === 0) return Promise.reject(new Error("submit: no messages"));
    return new Promise<TxResult>((resolve, reject) => {
      this.pending.push({ messages, memo: options.memo ?? "", log: options.log, enqueuedAt: Date.now(), resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.timer || this.pending.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Messages that came in meanwhile moved the quiet point: wait for it, then send all of them.
      if (this.batchDueAt() > Date.now()) this.schedule();
      else void this.drainOne();
    }, Math.max(0, this.batchDueAt() - Date.now()));
  }

  /** When the pending messages go out: after a quiet window, or at the latest the maximum delay. */
  private batchDueAt(): number {
    const first = this.pending[0].enqueuedAt;
    const last = this.pending[this.pending.length - 1].enqueuedAt;
    return Math.min(last + this.opts.batchWindowMs, first + Math.max(this.opts.batchWindowMs, this.opts.maxBatchDelayMs));
  }

  private async drainOne(): Promise<void> {
    this.running = true;
    try {
      await this.sendBatch(this.takeBatch());
    } finally {
      this.running = false;
      this.schedule();
    }
  }

  /** The oldest request plus every later one with the same memo, within the message cap. */
  private takeBatch(): Request[] {
    const memo = this.pending[0].memo;
    const batch: Request[] = [];
    let size = 0;
    this.pending = this.pending.filter((r) => {
      const fits = r.memo === memo && (batch.length === 0 || size + r.messages.length <= this.opts.maxMessagesPerTx);
      if (fits) {
        batch.push(r);
        size += r.messages.length;
      }
      return !fits;
    });
    return batch;
  }

  private async sendBatch(requests: Request[]): Promise<void> {
    let live = requests;
    while (live.length > 0) {
      const counts = live.map((r) => r.messages.length);
      const messages = live.flatMap((r) => r.messages);
      try {
        const tx = await this.sendTx(messages, live[0].memo, batchLog(live));
        let offset = 0;
        for (const r of live) {
          r.resolve(shareOf(tx, offset, r.messages.length, messages.length));
          offset += r.messages.length;
        }
        return;
      } catch (error) {
        if (!(error instanceof ChainTxError) || live.length === 1) {
          live.forEach((r) => r.reject(error));
          return;
        }
        const index = error.messageIndex;
        const owner = index === undefined ? undefined : ownerOfMessage(counts, index);
        if (owner === undefined) {
          // The chain did not say which message failed: one tx per caller pins the error on its owner.
          for (const r of live) await this.sendBatch([r]);
          return;
        }
        this.counters.isolatedFailures++;
        const rejected = live[owner];
        live = live.filter((_, i) => i !== owner);
        batchLog(live)(`tx message ${index} was rejected (${error.log}) and fails only its sender; resending the rest`);
        rejected.reject(error);
      }
    }
  }

  /** Simulate, sign, broadcast and wait for one tx, handling sequence drift and unknown outcomes. */
  private async sendTx(messages: readonly EncodeObject[], memo: string, log: Log): Promise<IncludedTx> {
    const unknownFate: Attempt[] = []; // earlier attempts that may have reached a mempool
    let gasMultiplier = this.opts.gasMultiplier;
    for (let retries = 0; ; ) {
      for (const attempt of unknownFate) {
        const earlier = await this.backend.findTx(attempt.hash, log);
        if (earlier) return this.settle(earlier, messages.length);
      }
      const sequence = await this.nextSequence(log);
      // Re-signing at the same sequence can never execute twice; moving past an unknown attempt's sequence
      // could, so first make sure that attempt landed (use it) or can no longer land.
      if (unknownFate.some((a) => a.sequence < sequence)) {
        const earlier = await this.resolveUnknown(unknownFate, log);
        if (earlier) return this.settle(earlier, messages.length);
        unknownFate.length = 0;
      }
      let hash: string | undefined;
      try {
        const gasUsed = await this.estimateGas(messages, memo, sequence, log);
        const fee = calculateFee(Math.ceil(gasUsed * gasMultiplier), this.gasPrice);
        const txBytes = await this.backend.sign(messages, fee, memo, {
          accountNumber: this.accountNumber!,
          sequence,
          chainId: this.backend.chainId,
        });
        hash = toHex(sha256(txBytes)).toUpperCase();
        await this.backend.broadcastSync(txBytes, log);
      } catch (error) {
        if (error instanceof ChainTxError && error.isSequenceMismatch && retries < this.opts.maxSequenceRetries) {
          if (retries++ > 0) await sleep(this.opts.pollIntervalMs); // let a contending tx land
          await this.resync(error.log, log);
          continue;
        }
        if (error instanceof ChainTxError) throw error; // rejected before the mempool: sequence unchanged
        if (hash === undefined && !isTransportError(error)) throw error; // failed before anything was sent
        // No answer: the tx may or may not be in a mempool. Forget the sequence, look it up before resending.
        this.sequence = undefined;
        if (hash !== undefined) unknownFate.push({ hash, sequence });
        if (retries++ >= this.opts.maxSequenceRetries) throw error;
        await sleep(this.opts.pollIntervalMs);
        continue;
      }
      this.sequence = sequence + 1;
      this.counters.txsSent++;
      const included = await this.waitForInclusion(hash!, log);
      if (included.code !== 0 && isSequenceMismatchLog(included.codespace, included.code, included.log)) {
        // Rejected by the ante handler at delivery: nothing executed, safe to resend after a resync.
        if (retries++ >= this.opts.maxSequenceRetries) return this.settle(included, messages.length);
        await this.resync(included.log, log);
        continue;
      }
      if (isOutOfGas(included) && gasMultiplier === this.opts.gasMultiplier) {
        // Gas grew between simulate and delivery (e.g. a lease closes every other bid of its order, and a late
        // bid landed meanwhile). Nothing executed, the sequence moved on: resend once with twice the headroom.
        this.counters.gasUsed += included.gasUsed;
        log(`tx ${included.hash} ran out of gas (${included.gasUsed} > ${included.gasWanted}); resending with more gas`);
        gasMultiplier *= 2;
        continue;
      }
      return this.settle(included, messages.length);
    }
  }

  /**
   * Waits until each attempt is in a block (returned) or its sequence has been committed by another tx
   * (twice in a row, in case the tx index lags the state), so it can never land. Gives up with a
   * TxTimeoutError rather than risk sending the messages twice.
   */
  private async resolveUnknown(attempts: readonly Attempt[], log: Log): Promise<IncludedTx | undefined> {
    const deadline = Date.now() + this.opts.inclusionTimeoutMs;
    let consumedPolls = 0;
    for (;;) {
      const committed = (await this.backend.account(log)).sequence;
      for (const attempt of attempts) {
        const found = await this.backend.findTx(attempt.hash, log);
        if (found) return found;
      }
      consumedPolls = attempts.every((a) => committed > a.sequence) ? consumedPolls + 1 : 0;
      if (consumedPolls >= 2) return undefined;
      if (Date.now() >= deadline) throw new TxTimeoutError(attempts[0].hash, this.opts.inclusionTimeoutMs);
      await sleep(this.opts.pollIntervalMs);
    }
  }

  /**
   * Simulation runs against committed state, which lags txs still in the mempool (ours or an outside one);
   * gas does not depend on the sequence, so when the committed state expects another sequence we simulate
   * at that one. Only CheckTx at broadcast, which sees the mempool, decides whether our sequence is right.
   */
  private async estimateGas(messages: readonly EncodeObject[], memo: string, sequence: number, log: Log): Promise<number> {
    try {
      return await this.backend.simulate(messages, memo, sequence, log);
    } catch (error) {
      const expected = error instanceof ChainTxError && error.isSequenceMismatch ? expectedSequenceFromLog(error.log) : undefined;
      if (expected === undefined || expected === sequence) throw error;
      return this.backend.simulate(messages, memo, expected, log);
    }
  }

  /** Records gas and turns a failed delivery into a ChainTxError. */
  private settle(tx: IncludedTx, messageCount: number): IncludedTx {
    this.counters.gasUsed += tx.gasUsed;
    this.counters.gasWanted += tx.gasWanted;
    if (tx.code !== 0) {
      throw new ChainTxError(tx.codespace, tx.code, tx.log, { stage: "deliver", txHash: tx.hash, height: tx.height });
    }
    this.counters.messagesSent += messageCount;
    return tx;
  }

  private async nextSequence(log: Log): Promise<number> {
    if (this.sequence === undefined || this.accountNumber === undefined) {
      const account = await this.backend.account(log);
      this.accountNumber = account.accountNumber;
      this.sequence = account.sequence;
    }
    return this.sequence;
  }

  private async resync(chainLog: string, log: Log): Promise<void> {
    this.counters.sequenceRetries++;
    const account = await this.backend.account(log);
    // The committed sequence lags txs still in the mempool; the node's "expected N" already counts them.
    this.accountNumber = account.accountNumber;
    this.sequence = Math.max(account.sequence, expectedSequenceFromLog(chainLog) ?? 0);
    log(`account sequence resynced to ${this.sequence} (${chainLog})`);
  }

  private async waitForInclusion(hash: string, log: Log): Promise<IncludedTx> {
    const deadline = Date.now() + this.opts.inclusionTimeoutMs;
    for (;;) {
      let found: IncludedTx | undefined;
      try {
        found = await this.backend.findTx(hash, log);
      } catch (error) {
        this.sequence = undefined; // cannot tell whether it lands: resync before the next tx
        throw error;
      }
      if (found) return found;
      if (Date.now() >= deadline) {
        this.sequence = undefined;
        throw new TxTimeoutError(hash, this.opts.inclusionTimeoutMs);
      }
      await sleep(this.opts.pollIntervalMs);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A log for lines about one tx: to each caller's log once, saying how many resources share the tx. */
function batchLog(requests: readonly Request[]): Log {
  const logs = new Set(requests.map((r) => r.log));
  const shared = logs.size > 1 ? ` (one tx for ${logs.size} resources)` : "";
  return (message) => {
    for (const log of logs) log?.(`${message}${shared}`);
  };
}

/** cosmos-sdk ErrOutOfGas at delivery. */
const isOutOfGas = (tx: IncludedTx) => tx.code === 11 && tx.codespace === "sdk";

function shareOf(tx: IncludedTx, offset: number, count: number, batchMessages: number): TxResult {
  return {
    txHash: tx.hash,
    height: tx.height,
    gasUsed: tx.gasUsed,
    gasWanted: tx.gasWanted,
    msgResponses: tx.msgResponses.slice(offset, offset + count),
    events: eventsForMessages(tx.events, offset, count),
    messageIndexOffset: offset,
    batchMessages,
  };
}
