import { expect } from "chai";
import { fakeConnection } from "../testConnection";
import { queryBids, queryLeases, queryMarketParams } from "./queries";

const owner = "akash1owner";
const bid = (provider: string) => ({ bid: { id: { owner, dseq: "5", gseq: 1, oseq: 1, provider }, state: 1, price: { denom: "uact", amount: "10.5" } } });

describe("market queries", () => {
  it("filters bids by deployment and follows pagination", async () => {
    const { conn, calls } = fakeConnection({
      "/akash.market.v1beta5.Query/Bids": (req) =>
        req.pagination.key.length === 0
          ? { bids: [bid("akash1a"), bid("akash1b")], pagination: { nextKey: Uint8Array.of(9) } }
          : { bids: [bid("akash1c")], pagination: { nextKey: new Uint8Array() } },
    });
    const bids = await queryBids(conn, { owner, dseq: "5", state: "open" });
    expect(bids.map((b) => b.bid!.id!.provider)).to.deep.equal(["akash1a", "akash1b", "akash1c"]);
    expect(bids[0].bid!.price).to.deep.equal({ denom: "uact", amount: "10.5" });
    expect(calls).to.have.length(2);
    expect(calls[0].request.filters).to.deep.include({ owner, gseq: 0, oseq: 0, provider: "", state: "open" });
    expect(calls[0].request.filters.dseq.toString()).to.equal("5");
    expect(calls[1].request.pagination.key).to.deep.equal(Uint8Array.of(9));
  });

  it("lists leases with their escrow payments", async () => {
    const { conn, calls } = fakeConnection({
      "/akash.market.v1beta5.Query/Leases": () => ({
        leases: [{ lease: { id: { owner, dseq: "5", gseq: 2, oseq: 1, provider: "akash1p" }, state: 1 }, escrowPayment: { state: { rate: { denom: "uact", amount: "3" } } } }],
      }),
    });
    const leases = await queryLeases(conn, { owner, dseq: 5n, gseq: 2 });
    expect(leases[0].escrowPayment!.state!.rate).to.deep.equal({ denom: "uact", amount: "3" });
    expect(calls[0].request.filters.gseq).to.equal(2);
  });

  it("reads the params", async () => {
    const { conn } = fakeConnection({ "/akash.market.v1beta5.Query/Params": () => ({ params: { orderMaxBids: 20 } }) });
    expect((await queryMarketParams(conn)).orderMaxBids).to.equal(20);
  });
});
