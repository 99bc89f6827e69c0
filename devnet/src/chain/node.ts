/**
 * The node: committed state, check state and mempool, block production on a timer, the block and tx
 * index, persistence, and the ABCI-level operations the RPC server exposes. Blocks are produced
 * synchronously (no request interleaves with a block), so CheckTx always sees a consistent check state.
 */
import { sha256 } from "@cosmjs/crypto";
import { fromBase64, toBase64, toHex } from "@cosmjs/encoding";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { ChainApp, type QueryResult, type TxResult } from "./app";
import { sdkErrors } from "./errors";
import type { AbciEvent } from "./events";
import { ChainFiles, type BlockRecord, type StoredTxResult } from "./persistence";
import { BranchStore, SortedStore, type Write } from "./store";
import type { BlockInfo } from "./types";

export interface NodeOptions {
  chainId: string;
  app: ChainApp;
  blockTimeMs: number;
  files?: ChainFiles;
  log?: (line: string) => void;
}

export interface IndexedTx {
  hash: string;
  height: number;
  index: number;
  tx: string;
  result: StoredTxResult;
}

/** Resolves when a tx is committed (broadcast_tx_commit). */
type CommitWaiter = (tx: IndexedTx) => void;

const emptyHash = toHex(sha256(new Uint8Array())).toUpperCase();

export function txHash(bytes: Uint8Array): string {
  return toHex(sha256(bytes)).toUpperCase();
}

function storeResult(result: TxResult): StoredTxResult {
  return {
    code: result.code,
    codespace: result.codespace,
    log: result.log,
    data: result.data ? toBase64(result.data) : undefined,
    gasWanted: result.gasWanted,
    gasUsed: result.gasUsed,
    events: result.events,
  };
}

export class ChainNode {
  readonly chainId: string;
  readonly app: ChainApp;
  readonly committed = new SortedStore();
  private checkState: BranchStore;
  private mempool: Array<{ bytes: Uint8Array; hash: string }> = [];
  private readonly mempoolHashes = new Set<string>();
  /** every block from 1 (the genesis record at height 0 is only ever `latest`) */
  private readonly blocks = new Map<number, BlockRecord>();
  private earliest = 0;
  private readonly txIndex = new Map<string, IndexedTx>();
  private readonly txList: IndexedTx[] = [];
  private readonly commitWaiters = new Map<string, CommitWaiter[]>();
  private readonly heightWaiters: Array<{ height: number; resolve: () => void }> = [];
  private timer: NodeJS.Timeout | undefined;
  private paused = false;
  private latest: BlockRecord;
  readonly genesisTime: Date;
  blockTimeMs: number;
  /** test faucet: balances credited at the start of the next block */
  private readonly pendingGrants: Array<(ctxRaw: BranchStore, block: BlockInfo) => void> = [];

  constructor(private readonly options: NodeOptions, genesisTime: Date) {
    this.chainId = options.chainId;
    this.app = options.app;
    this.blockTimeMs = options.blockTimeMs;
    this.genesisTime = genesisTime;
    this.checkState = new BranchStore(this.committed);
    this.latest = {
      height: 0,
      time: genesisTime.toISOString(),
      hash: emptyHash,
      appHash: emptyHash,
      lastAppHash: emptyHash,
      lastBlockHash: "",
      txs: [],
      results: [],
      finalizeEvents: [],
    };
  }

  /** Loads state persisted by a previous run; returns false when there is none (fresh chain). */
  restore(): boolean {
    const loaded = this.options.files?.load();
    if (!loaded) return false;
    this.committed.apply(loaded.state);
    this.latest = loaded.latest;
    for (const block of loaded.history) this.indexBlock(block);
    for (const line of loaded.wal) {
      this.committed.apply(line.writes);
      this.indexBlock(line.block);
    }
    this.checkState = new BranchStore(this.committed);
    return true;
  }

  /** Commits genesis state as height 0 and persists it as the first snapshot. */
  commitGenesis(init: (raw: BranchStore, block: BlockInfo) => void): void {
    const branch = new BranchStore(this.committed);
    init(branch, this.blockInfo(0, this.genesisTime));
    const writes = branch.changes();
    branch.commit();
    this.latest = { ...this.latest, appHash: this.nextAppHash(emptyHash, writes) };
    this.options.files?.snapshot(this.committed.all(), this.latest);
    this.checkState = new BranchStore(this.committed);
  }

  get height(): number {
    return this.latest.height;
  }

  get latestBlock(): BlockRecord {
    return this.latest;
  }

  /**
   * The header a context runs under; by default the last committed block's, which is also what CheckTx
   * and Simulate see (baseapp resets the check state to the committed header on Commit).
   */
  blockInfo(height = this.latest.height, time = new Date(this.latest.time)): BlockInfo {
    return { chainId: this.chainId, height, time };
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.options.files?.close();
  }

  pause(on: boolean): void {
    this.paused = on;
  }

  /** Next block one block time after the previous one started, however long producing it took. */
  private schedule(delay = this.blockTimeMs): void {
    this.timer = setTimeout(() => {
      const started = Date.now();
      try {
        if (!this.paused) this.produceBlock();
      } catch (err) {
        (this.options.log ?? console.error)(`devnet: block production failed: ${(err as Error).stack ?? err}`);
      }
      if (this.timer !== undefined) this.schedule(Math.max(0, this.blockTimeMs - (Date.now() - started)));
    }, delay);
  }

  // ---- mempool ---------------------------------------------------------------------------------

  /** CheckTx against the check state; accepted txs enter the mempool. */
  checkTx(bytes: Uint8Array): { hash: string; result: TxResult } {
    const hash = txHash(bytes);
    if (this.mempoolHashes.has(hash) || this.txIndex.has(hash)) throw new Error("tx already exists in cache");
    const result = this.app.runTx("check", this.checkState, bytes, this.blockInfo());
    if (result.code === 0) {
      this.mempool.push({ bytes, hash });
      this.mempoolHashes.add(hash);
    }
    return { hash, result };
  }

  /** CheckTx without admitting the tx to the mempool (the check_tx RPC). */
  checkOnly(bytes: Uint8Array): TxResult {
    return this.app.runTx("check", new BranchStore(this.checkState), bytes, this.blockInfo());
  }

  mempoolTxs(): string[] {
    return this.mempool.map((t) => toBase64(t.bytes));
  }

  get mempoolSize(): { count: number; bytes: number } {
    return { count: this.mempool.length, bytes: this.mempool.reduce((n, t) => n + t.bytes.length, 0) };
  }

  /** Resolves with the tx once committed in a block. */
  waitForTx(hash: string): Promise<IndexedTx> {
    const done = this.txIndex.get(hash);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => {
      const list = this.commitWaiters.get(hash) ?? [];
      list.push(resolve);
      this.commitWaiters.set(hash, list);
    });
  }

  waitForHeight(height: number): Promise<void> {
    if (this.latest.height >= height) return Promise.resolve();
    return new Promise((resolve) => this.heightWaiters.push({ height, resolve }));
  }

  /** Queues a state change for the start of the next block (the test faucet). */
  enqueueGrant(apply: (raw: BranchStore, block: BlockInfo) => void): void {
    this.pendingGrants.push(apply);
  }

  // ---- blocks ----------------------------------------------------------------------------------

  produceBlock(): BlockRecord {
    const height = this.latest.height + 1;
    const time = new Date(Math.max(Date.now(), new Date(this.latest.time).getTime() + 1));
    const block = this.blockInfo(height, time);
    const txs = this.mempool;
    this.mempool = [];
    this.mempoolHashes.clear();

    const state = new BranchStore(this.committed);
    for (const grant of this.pendingGrants.splice(0)) grant(state, block);
    const finalizeEvents: AbciEvent[] = this.app.runBlocker("beginBlock", state, block);
    const results = txs.map((t) => this.app.runTx("deliver", state, t.bytes, block));
    finalizeEvents.push(...this.app.runBlocker("endBlock", state, block));

    const writes = state.changes();
    const appHash = this.nextAppHash(this.latest.appHash, writes);
    const txsB64 = txs.map((t) => toBase64(t.bytes));
    const header = { chainId: this.chainId, height, time: time.toISOString(), last: this.latest.hash, appHash, txs: txs.map((t) => t.hash) };
    const record: BlockRecord = {
      height,
      time: time.toISOString(),
      hash: toHex(sha256(new TextEncoder().encode(JSON.stringify(header)))).toUpperCase(),
      appHash,
      lastAppHash: this.latest.appHash,
      lastBlockHash: this.latest.hash,
      txs: txsB64,
      results: results.map(storeResult),
      finalizeEvents,
    };
    // Durable first: a block is only visible once it is on disk.
    const compact = this.options.files?.append(record, writes) ?? false;
    state.commit();
    this.indexBlock(record);
    if (compact) this.options.files!.snapshot(this.committed.all(), record);
    this.checkState = new BranchStore(this.committed);
    this.notify(record);
    return record;
  }

  private nextAppHash(previous: string, writes: Write[]): string {
    if (writes.length === 0) return previous;
    return toHex(sha256(new TextEncoder().encode(previous + JSON.stringify(writes)))).toUpperCase();
  }

  private indexBlock(record: BlockRecord): void {
    this.blocks.set(record.height, record);
    if (this.earliest === 0 || record.height < this.earliest) this.earliest = record.height;
    record.txs.forEach((tx, index) => {
      const hash = txHash(fromBase64(tx));
      const indexed: IndexedTx = { hash, height: record.height, index, tx, result: record.results[index] };
      this.txIndex.set(hash, indexed);
      this.txList.push(indexed);
    });
    if (record.height >= this.latest.height) this.latest = record;
  }

  private notify(record: BlockRecord): void {
    record.txs.forEach((tx) => {
      const hash = txHash(fromBase64(tx));
      const waiters = this.commitWaiters.get(hash);
      if (!waiters) return;
      this.commitWaiters.delete(hash);
      for (const w of waiters) w(this.txIndex.get(hash)!);
    });
    for (let i = this.heightWaiters.length - 1; i >= 0; i--) {
      if (this.heightWaiters[i].height <= record.height) {
        this.heightWaiters[i].resolve();
        this.heightWaiters.splice(i, 1);
      }
    }
  }

  block(height?: number): BlockRecord | undefined {
    return height === undefined ? this.latest : this.blocks.get(height);
  }

  blockByHash(hash: string): BlockRecord | undefined {
    for (const block of this.blocks.values()) if (block.hash === hash) return block;
    return undefined;
  }

  /** Lowest block held (every block is kept, so 1 once there is one); 0 before the first, as CometBFT's block store base. */
  get earliestHeight(): number {
    return this.earliest;
  }

  tx(hash: string): IndexedTx | undefined {
    return this.txIndex.get(hash.toUpperCase());
  }

  /** All committed txs, ascending by height and index. */
  allTxs(): readonly IndexedTx[] {
    return this.txList;
  }

  // ---- queries ---------------------------------------------------------------------------------

  query(path: string, data: Uint8Array): QueryResult {
    if (path === "/cosmos.tx.v1beta1.Service/Simulate") return this.simulate(data);
    return this.app.query(this.committed, this.blockInfo(), path, data);
  }

  /** Simulate on a throwaway branch of the check state (so pending mempool txs count, as in cosmos). */
  private simulate(data: Uint8Array): QueryResult {
    let txBytes: Uint8Array;
    try {
      const request = SimulateRequest.decode(data);
      txBytes = request.txBytes;
    } catch (err) {
      return this.app.queryError(sdkErrors.invalidRequest.wrap((err as Error).message));
    }
    const result = this.app.runTx("simulate", new BranchStore(this.checkState), txBytes, this.blockInfo());
    if (result.code !== 0) return { code: result.code, codespace: result.codespace, log: result.log, value: new Uint8Array() };
    const response = SimulateResponse.fromPartial({
      gasInfo: { gasWanted: BigInt(result.gasWanted), gasUsed: BigInt(result.gasUsed) },
      result: {
        data: new Uint8Array(),
        log: "",
        events: result.events,
        msgResponses: result.data ? TxMsgData.decode(result.data).msgResponses : [],
      },
    });
    return { code: 0, codespace: "", log: "", value: SimulateResponse.encode(response).finish() };
  }
}
