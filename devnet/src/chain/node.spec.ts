import { expect } from "chai";
import { createModule as auth } from "../modules/auth";
import { createModule as bank } from "../modules/bank";
import { ChainApp } from "./app";
import { ChainNode } from "./node";
import { ChainFiles } from "./persistence";
import { RpcMethods } from "./rpc";
import { useTempDir } from "../testing";

/** A node over `dir` that compacts every `compactEvery` blocks, with genesis committed unless it restored. */
function node(dir: string, compactEvery: number): ChainNode {
  const app = new ChainApp([auth(), bank()], []);
  const chain = new ChainNode({ chainId: "akash-devnet-1", app, blockTimeMs: 1000, files: new ChainFiles(dir, compactEvery) }, new Date("2026-01-01T00:00:00Z"));
  if (!chain.restore()) chain.commitGenesis((raw, block) => app.initGenesis(raw, block, {}));
  return chain;
}

const status = (chain: ChainNode) => (new RpcMethods(chain, () => "").routes.status.call({}) as { sync_info: Record<string, string> }).sync_info;

describe("chain/node", () => {
  const dir = useTempDir("chainnode-");

  it("reports earliest height 0 before the first block and 1 after it, also across a restart", () => {
    const fresh = node(dir(), 500);
    expect(status(fresh).earliest_block_height).to.equal("0");
    fresh.stop();
    const restarted = node(dir(), 500);
    expect(status(restarted).earliest_block_height).to.equal("0");
    restarted.produceBlock();
    restarted.stop();
    const again = node(dir(), 500);
    expect(status(again)).to.include({ earliest_block_height: "1", latest_block_height: "1" });
    again.stop();
  });

  it("keeps every block, empty ones included, through compaction and a restart", () => {
    const first = node(dir(), 5);
    const hashes = Array.from({ length: 12 }, () => first.produceBlock().hash);
    first.stop();
    const restarted = node(dir(), 5);
    expect(restarted.height).to.equal(12);
    expect(restarted.earliestHeight).to.equal(1);
    expect(Array.from({ length: 12 }, (_, i) => restarted.block(i + 1)?.hash)).to.deep.equal(hashes);
    const block = new RpcMethods(restarted, () => "").routes.block.call({ height: "3" }) as { block: { header: { height: string } } };
    expect(block.block.header.height).to.equal("3");
    expect(restarted.produceBlock().lastBlockHash).to.equal(hashes[11]);
    restarted.stop();
  });
});
