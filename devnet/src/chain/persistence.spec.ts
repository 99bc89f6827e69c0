import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { ChainFiles, type BlockRecord } from "./persistence";

const block = (height: number): BlockRecord => ({
  height,
  time: new Date(height * 1000).toISOString(),
  hash: `H${height}`,
  appHash: `A${height}`,
  lastAppHash: `A${height - 1}`,
  lastBlockHash: `H${height - 1}`,
  txs: [],
  results: [],
  finalizeEvents: [],
});

describe("chain/persistence", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chainfiles-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("replays the log after the snapshot and drops a torn last line (crash mid-write)", () => {
    const files = new ChainFiles(dir);
    files.snapshot(0, [["a", "1"]], [block(0)]);
    files.append(block(1), [["b", "2"]]);
    files.append(block(2), [["a", null]]);
    files.close();
    fs.appendFileSync(path.join(dir, "wal.jsonl"), '{"block":{"height":3');
    const loaded = new ChainFiles(dir).load()!;
    expect(loaded.state).to.deep.equal([["a", "1"]]);
    expect(loaded.wal.map((l) => l.block.height)).to.deep.equal([1, 2]);
    expect(loaded.wal[1].writes).to.deep.equal([["a", null]]);
  });

  it("compacts into a snapshot after compactEvery blocks and skips blocks the snapshot covers", () => {
    const files = new ChainFiles(dir, 2);
    files.snapshot(0, [], []);
    expect(files.append(block(1), [["k", "1"]])).to.equal(false);
    expect(files.append(block(2), [["k", "2"]])).to.equal(true);
    files.snapshot(2, [["k", "2"]], [block(2)]);
    files.append(block(3), [["k", "3"]]);
    files.close();
    const loaded = new ChainFiles(dir).load()!;
    expect(loaded.snapshotHeight).to.equal(2);
    expect(loaded.wal.map((l) => l.block.height)).to.deep.equal([3]);
  });

  it("reset removes the chain files; genesis round-trips", () => {
    const files = new ChainFiles(dir);
    files.writeGenesis({ chainId: "x" });
    expect(files.readGenesis()).to.deep.equal({ chainId: "x" });
    files.reset();
    expect(files.readGenesis()).to.equal(undefined);
    expect(files.load()).to.equal(undefined);
  });
});
