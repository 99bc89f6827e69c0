import { expect } from "chai";
import { blockTimeBetween, DEFAULT_BLOCK_TIME_SECONDS, estimateBlockTime, untilNextTick } from "./blocks";
import { fakeConnection } from "./testConnection";

describe("blockTimeBetween", () => {
  it("averages seconds per block", () => {
    const from = { height: 100, time: new Date("2026-01-01T00:00:00Z") };
    const to = { height: 200, time: new Date("2026-01-01T00:10:00Z") };
    expect(blockTimeBetween(from, to)).to.equal(6);
  });

  it("falls back when the blocks are the same or out of order", () => {
    const p = { height: 5, time: new Date(0) };
    expect(blockTimeBetween(p, p)).to.equal(DEFAULT_BLOCK_TIME_SECONDS);
    expect(blockTimeBetween({ height: 6, time: new Date(0) }, p, 1)).to.equal(1);
  });
});

describe("estimateBlockTime", () => {
  it("measures once for the many resources that ask together", async () => {
    let calls = 0;
    const comet = {
      status: async () => (calls++, { syncInfo: { latestBlockHeight: 120, latestBlockTime: new Date(60_000) } }),
      block: async (height: number) => (calls++, { block: { header: { height, time: new Date(10_000) } } }),
    };
    const { conn } = fakeConnection({}, "fake-1", comet);
    const estimates = await Promise.all([estimateBlockTime(conn, 100), estimateBlockTime(conn, 100), estimateBlockTime(conn, 100)]);
    expect(estimates).to.deep.equal([0.5, 0.5, 0.5]);
    expect(calls).to.equal(2);
    expect(await estimateBlockTime(conn, 10)).to.equal(5);
    expect(calls).to.equal(4);
  });
});

describe("untilNextTick", () => {
  it("aligns polls on wall-clock multiples of the interval, so concurrent pollers poll together", () => {
    expect(untilNextTick(500, 10_120)).to.equal(380);
    expect(untilNextTick(500, 10_499)).to.equal(1);
    expect(untilNextTick(500, 10_500)).to.equal(500);
  });
});
