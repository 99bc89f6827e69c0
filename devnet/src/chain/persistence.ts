/**
 * Durable chain data in a directory:
 *   genesis.json   the resolved genesis config (chain id, accounts...), written once
 *   snapshot.json  the whole state at some height (written to a temp file, fsynced, renamed)
 *   wal.jsonl      one line per committed block after the snapshot: its write set and block record, fsynced
 * On start the snapshot is loaded and the log replayed (a torn last line, from a crash mid-write, is
 * dropped: at most that block is lost); every `compactEvery` blocks the log is folded into a new snapshot.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Write } from "./store";

/** A committed block as stored and served. */
export interface BlockRecord {
  height: number;
  time: string;
  hash: string;
  appHash: string;
  /** app hash before this block (what the header carries) */
  lastAppHash: string;
  lastBlockHash: string;
  txs: string[];
  results: StoredTxResult[];
  finalizeEvents: StoredEvent[];
}

export interface StoredEvent {
  type: string;
  attributes: Array<{ key: string; value: string; index: boolean }>;
}

export interface StoredTxResult {
  code: number;
  codespace: string;
  log: string;
  data?: string;
  gasWanted: number;
  gasUsed: number;
  events: StoredEvent[];
}

interface Snapshot {
  height: number;
  state: Array<[string, string]>;
  blocks: BlockRecord[];
}

interface WalLine {
  block: BlockRecord;
  writes: Write[];
}

export interface LoadedChain {
  state: Array<[string, string]>;
  /** snapshot state is at this height; the wal blocks follow */
  snapshotHeight: number;
  snapshotBlocks: BlockRecord[];
  wal: WalLine[];
}

export class ChainFiles {
  private walFd: number | undefined;
  private walBlocks = 0;

  constructor(
    readonly dir: string,
    private readonly compactEvery = 500,
  ) {}

  private file(name: string): string {
    return path.join(this.dir, name);
  }

  /** Wipes the directory's chain files (`--reset`). */
  reset(): void {
    for (const name of ["genesis.json", "snapshot.json", "snapshot.json.tmp", "wal.jsonl"]) fs.rmSync(this.file(name), { force: true });
  }

  readGenesis<T>(): T | undefined {
    const file = this.file("genesis.json");
    if (!fs.existsSync(file)) return undefined;
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  }

  writeGenesis(genesis: unknown): void {
    fs.mkdirSync(this.dir, { recursive: true });
    this.writeAtomic("genesis.json", JSON.stringify(genesis, null, 2));
  }

  load(): LoadedChain | undefined {
    const snapshotFile = this.file("snapshot.json");
    if (!fs.existsSync(snapshotFile)) return undefined;
    const snapshot = JSON.parse(fs.readFileSync(snapshotFile, "utf8")) as Snapshot;
    const wal: WalLine[] = [];
    const walFile = this.file("wal.jsonl");
    if (fs.existsSync(walFile)) {
      const lines = fs.readFileSync(walFile, "utf8").split("\n");
      for (const line of lines) {
        if (line.trim() === "") continue;
        let parsed: WalLine;
        try {
          parsed = JSON.parse(line) as WalLine;
        } catch {
          break; // torn write of the last block before a crash
        }
        if (parsed.block.height > snapshot.height) wal.push(parsed);
      }
    }
    this.walBlocks = wal.length;
    return { state: snapshot.state, snapshotHeight: snapshot.height, snapshotBlocks: snapshot.blocks, wal };
  }

  /** Appends a committed block and fsyncs; returns true when it is time to compact. */
  append(block: BlockRecord, writes: Write[]): boolean {
    if (this.walFd === undefined) this.walFd = fs.openSync(this.file("wal.jsonl"), "a");
    fs.writeSync(this.walFd, JSON.stringify({ block, writes } satisfies WalLine) + "\n");
    fs.fsyncSync(this.walFd);
    this.walBlocks++;
    return this.walBlocks >= this.compactEvery;
  }

  /** Writes a snapshot of the full state and block history, then truncates the log. */
  snapshot(height: number, state: Array<[string, string]>, blocks: BlockRecord[]): void {
    fs.mkdirSync(this.dir, { recursive: true });
    this.writeAtomic("snapshot.json", JSON.stringify({ height, state, blocks } satisfies Snapshot));
    if (this.walFd !== undefined) fs.closeSync(this.walFd);
    this.walFd = fs.openSync(this.file("wal.jsonl"), "w");
    fs.fsyncSync(this.walFd);
    this.walBlocks = 0;
  }

  close(): void {
    if (this.walFd !== undefined) fs.closeSync(this.walFd);
    this.walFd = undefined;
  }

  private writeAtomic(name: string, text: string): void {
    const tmp = this.file(`${name}.tmp`);
    const fd = fs.openSync(tmp, "w");
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, this.file(name));
    const dirFd = fs.openSync(this.dir, "r");
    fs.fsyncSync(dirFd);
    fs.closeSync(dirFd);
  }
}
