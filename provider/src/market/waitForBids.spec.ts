import { expect } from "chai";
import { progressMessage, waitForBids, type BidProgress } from "./waitForBids";
import type { BidInfo } from "./selection";

const bid = (gseq: number, provider: string, state = "open"): BidInfo => ({ gseq, oseq: 1, provider, price: { denom: "uact", amount: "1" }, state });

describe("waitForBids", () => {
  it("returns as soon as every group has its quorum, reporting progress", async () => {
    const arrivals = [[], [bid(1, "a")], [bid(1, "a"), bid(2, "b")], [bid(1, "a"), bid(2, "b"), bid(1, "c"), bid(2, "d")]];
    let polls = 0;
    const progress: BidProgress[] = [];
    const result = await waitForBids({
      fetchBids: async () => arrivals[Math.min(polls++, arrivals.length - 1)],
      gseqs: [1, 2],
      minBids: 2,
      windowMs: 10_000,
      pollIntervalMs: 1,
      onProgress: (p) => progress.push(p),
    });
    expect(result.quorumReached).to.equal(true);
    expect(result.bids).to.have.length(4);
    expect(polls).to.equal(4);
    expect(progress.map((p) => p.message)).to.deep.equal([
      "group 1: bids 0 of 2, group 2: bids 0 of 2",
      "group 1: bids 1 of 2, group 2: bids 0 of 2",
      "group 1: bids 1 of 2, group 2: bids 1 of 2",
      "group 1: 2 bids, group 2: 2 bids",
    ]);
  });

  it("gives up when the window closes and returns what it has", async () => {
    let polls = 0;
    const result = await waitForBids({
      fetchBids: async () => {
        polls++;
        return [bid(1, "a"), bid(1, "lost-one", "lost")];
      },
      gseqs: [1],
      minBids: 3,
      windowMs: 30,
      pollIntervalMs: 5,
    });
    expect(result.quorumReached).to.equal(false);
    expect(result.bids).to.have.length(2);
    expect(result.elapsedMs).to.be.at.least(30);
    expect(polls).to.be.greaterThan(1);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    const pending = waitForBids({ fetchBids: async () => [], gseqs: [1], minBids: 1, windowMs: 10_000, pollIntervalMs: 5, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("cancelled by user")), 20);
    const error = await pending.catch((e: Error) => e);
    expect((error as Error).message).to.equal("cancelled by user");
  });

  it("words progress for one group", () => {
    expect(progressMessage({ 1: 3 }, 4)).to.equal("bids 3 of 4");
    expect(progressMessage({ 1: 2 }, 1)).to.equal("2 bids");
  });
});
