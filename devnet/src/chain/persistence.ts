/**
 * Durable chain data in a directory:
 *   genesis.json   the resolved genesis config (chain id, accounts...), written once
 *   snapshot.json  the whole state at some height and that height's block record (temp file, fsynced, renamed)
 *   blocks.jsonl   every block record up to the snapshot, one per line, appended at each compaction
 *   wal.jsonl      one line per committed block after the snapshot: its write set and block record, fsynced
 * On start the snapshot is loaded and the log replayed; a torn last line (a crash mid-write) is cut off
 * the file, so at most that uncommitted block is lost and the next append starts on a clean line. Every
 * `compactEvery` blocks the log's blocks move to blocks.jsonl and its writes fold into a new snapshot.
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
  /** the record of the block at `height` (the genesis record at 0) */
  latest: BlockRecord;
}

interface WalLine {
  block: BlockRecord;
  writes: Write[];
}

export interface LoadedChain {
  state: Array<[string, string]>;
  /** the block record the snapshot state belongs to; the wal blocks follow it */
  latest: BlockRecord;
  /** blocks 1..latest.height */
  history: BlockRecord[];
  wal: WalLine[];
}

/** The parsed complete lines of a JSON-lines file, each with the byte offset just past it; stops at a torn or corrupt line. */
function readLines<T>(file: string): { lines: Array<{ item: T; end: number }>; size: number } {
  if (!fs.existsSync(file)) return { lines: [], size: 0 };
  const bytes = fs.readFileSync(file);
  const lines: Array<{ item: T; end: number }> = [];
  for (let start = 0, nl = bytes.indexOf(0x0a); nl !== -1; start = nl + 1, nl = bytes.indexOf(0x0a, start)) {
    try {
      lines.push({ item: JSON.parse(bytes.subarray(start, nl).toString("utf8")) as T, end: nl + 1 });
    } catch {
      break;
    }
  }
  return { lines, size: bytes.length };
}

export class ChainFiles {
  private walFd: number | undefined;
  /** blocks appended to the log since the snapshot, moved to blocks.jsonl at the next one */
  private pending: BlockRecord[] = [];

  constructor(
    readonly dir: string,
    private readonly compactEvery = 500,
  ) {}

  private file(name: string): string {
    return path.join(this.dir, name);
  }

  /** Wipes the directory's chain files (`--reset`). */
  reset(): void {
    for (const name of ["genesis.json", "snapshot.json", "snapshot.json.tmp", "blocks.jsonl", "wal.jsonl"]) fs.rmSync(this.file(name), { force: true });
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
    if (!snapshot.latest) throw new Error(`${this.dir} holds chain data of an older devnet version; start it with --reset (reset: true)`);
    // A compaction that crashed before its snapshot leaves blocks past it in both files: the log's copy wins.
    const history = this.readTruncating<BlockRecord>("blocks.jsonl", (b) => b.height <= snapshot.height);
    const wal = this.readTruncating<WalLine>("wal.jsonl", () => true).filter((line) => line.block.height > snapshot.height);
    this.pending = wal.map((line) => line.block);
    return { state: snapshot.state, latest: snapshot.latest, history, wal };
  }

  /**
   * Reads a JSON-lines file and cuts the file back to its good lines that `keep` accepts (a prefix), so
   * later appends never glue onto a torn fragment or follow lines that were dropped.
   */
  private readTruncating<T>(name: string, keep: (item: T) => boolean): T[] {
    const file = this.file(name);
    const { lines, size } = readLines<T>(file);
    const cut = lines.findIndex((line) => !keep(line.item));
    const good = cut === -1 ? lines : lines.slice(0, cut);
    const end = good.at(-1)?.end ?? 0;
    if (end < size) fs.truncateSync(file, end);
    return good.map((line) => line.item);
  }

  /** Appends a committed block and fsyncs; returns true when it is time to compact. */
  append(block: BlockRecord, writes: Write[]): boolean {
    if (this.walFd === undefined) this.walFd = fs.openSync(this.file("wal.jsonl"), "a");
    fs.writeSync(this.walFd, JSON.stringify({ block, writes } satisfies WalLine) + "\n");
    fs.fsyncSync(this.walFd);
    this.pending.push(block);
    return this.pending.length >= this.compactEvery;
  }

  /**
   * Compaction: moves the log's blocks to blocks.jsonl, writes a snapshot of the full state at `latest`,
   * then truncates the log. Each step is durable before the next, so a crash in between loses nothing.
   */
  snapshot(state: Array<[string, string]>, latest: BlockRecord): void {
    fs.mkdirSync(this.dir, { recursive: true });
    if (this.pending.length > 0) {
      const fd = fs.openSync(this.file("blocks.jsonl"), "a");
      fs.writeSync(fd, this.pending.map((block) => JSON.stringify(block) + "\n").join(""));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
    this.writeAtomic("snapshot.json", JSON.stringify({ height: latest.height, state, latest } satisfies Snapshot));
    if (this.walFd !== undefined) fs.closeSync(this.walFd);
    this.walFd = fs.openSync(this.file("wal.jsonl"), "w");
    fs.fsyncSync(this.walFd);
    this.pending = [];
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
