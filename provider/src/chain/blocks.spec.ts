import { expect } from "chai";
import { blockTimeBetween, DEFAULT_BLOCK_TIME_SECONDS } from "./blocks";

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
