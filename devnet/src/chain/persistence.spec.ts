import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { ChainFiles, type BlockRecord } from "./persistence";
import { useTempDir } from "../testing";

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
  const dir = useTempDir("chainfiles-");

  it("replays the log after the snapshot and drops a torn last line (crash mid-write)", () => {
    const files = new ChainFiles(dir());
    files.snapshot([["a", "1"]], block(0));
    files.append(block(1), [["b", "2"]]);
    files.append(block(2), [["a", null]]);
    files.close();
    fs.appendFileSync(path.join(dir(), "wal.jsonl"), '{"block":{"height":3');
    const loaded = new ChainFiles(dir()).load()!;
    expect(loaded.state).to.deep.equal([["a", "1"]]);
    expect(loaded.latest.height).to.equal(0);
    expect(loaded.wal.map((l) => l.block.height)).to.deep.equal([1, 2]);
    expect(loaded.wal[1].writes).to.deep.equal([["a", null]]);
  });

  it("cuts a torn last line off the log on load, so blocks appended after a crash survive the next restart", () => {
    const files = new ChainFiles(dir());
    files.snapshot([], block(0));
    files.append(block(1), []);
    files.append(block(2), []);
    files.close();
    fs.appendFileSync(path.join(dir(), "wal.jsonl"), '{"block":{"height":3');
    const restarted = new ChainFiles(dir());
    expect(restarted.load()!.wal.map((l) => l.block.height)).to.deep.equal([1, 2]);
    restarted.append(block(3), [["k", "3"]]);
    restarted.append(block(4), [["k", "4"]]);
    restarted.close();
    expect(new ChainFiles(dir()).load()!.wal.map((l) => l.block.height)).to.deep.equal([1, 2, 3, 4]);
  });

  it("compacts after compactEvery blocks, keeping every block record (empty ones too) in the history", () => {
    const files = new ChainFiles(dir(), 2);
    files.snapshot([], block(0));
    expect(files.append(block(1), [["k", "1"]])).to.equal(false);
    expect(files.append(block(2), [])).to.equal(true);
    files.snapshot([["k", "1"]], block(2));
    files.append(block(3), [["k", "3"]]);
    expect(files.append(block(4), [])).to.equal(true);
    files.snapshot([["k", "3"]], block(4));
    files.append(block(5), []);
    files.close();
    const loaded = new ChainFiles(dir()).load()!;
    expect(loaded.latest.height).to.equal(4);
    expect(loaded.history.map((b) => b.height)).to.deep.equal([1, 2, 3, 4]);
    expect(loaded.wal.map((l) => l.block.height)).to.deep.equal([5]);
  });

  it("recovers from a crash between writing the history and the snapshot: the log's copy of those blocks wins", () => {
    const files = new ChainFiles(dir(), 2);
    files.snapshot([], block(0));
    files.append(block(1), [["k", "1"]]);
    files.append(block(2), [["k", "2"]]);
    files.close();
    // what compaction writes to blocks.jsonl before the snapshot, then a torn third line
    fs.writeFileSync(path.join(dir(), "blocks.jsonl"), `${JSON.stringify(block(1))}\n${JSON.stringify(block(2))}\n{"height":`);
    const restarted = new ChainFiles(dir(), 2);
    const loaded = restarted.load()!;
    expect(loaded.history).to.deep.equal([]);
    expect(loaded.wal.map((l) => l.block.height)).to.deep.equal([1, 2]);
    expect(fs.readFileSync(path.join(dir(), "blocks.jsonl"), "utf8")).to.equal("");
    restarted.snapshot([["k", "2"]], block(2));
    restarted.close();
    expect(new ChainFiles(dir()).load()!.history.map((b) => b.height)).to.deep.equal([1, 2]);
  });

  it("reset removes the chain files; genesis round-trips", () => {
    const files = new ChainFiles(dir());
    files.writeGenesis({ chainId: "x" });
    expect(files.readGenesis()).to.deep.equal({ chainId: "x" });
    files.reset();
    expect(files.readGenesis()).to.equal(undefined);
    expect(files.load()).to.equal(undefined);
  });
});
