import type { QueryBidsResponse, QueryLeaseResponse, QueryOrdersResponse, QueryParamsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { QueryLeasesResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { expect } from "chai";
import { TYPE, address, chainErrorOf, createBid, createDeployment, fund, leaseId, marketplace } from "../market-common/fixtures";

const tenant = address("tenant");
const other = address("other-tenant");
const p1 = address("provider-1");
const p2 = address("provider-2");

function setup() {
  const m = marketplace();
  for (const a of [tenant, other, p1, p2]) fund(m.ctx, a, [{ denom: "uact", amount: "100000000" }]);
  for (const p of [p1, p2]) m.providers.set(p, []);
  const { ctx } = m;
  for (const [owner, dseq] of [[tenant, 1], [tenant, 2], [other, 3]] as const) ctx.deliver(TYPE.createDeployment, createDeployment(owner, dseq));
  ctx.deliver(TYPE.createBid, createBid(tenant, 1, p1, "90"));
  ctx.deliver(TYPE.createBid, createBid(tenant, 1, p2, "95"));
  ctx.deliver(TYPE.createBid, createBid(tenant, 2, p2, "80"));
  ctx.deliver(TYPE.createBid, createBid(other, 3, p1, "70"));
  ctx.deliver(TYPE.createLease, { bidId: leaseId(tenant, 1, p1) });
  return ctx;
}

const bidKeys = (res: QueryBidsResponse) => res.bids.map((b) => `${b.bid?.id?.dseq}/${b.bid?.id?.provider === p1 ? "p1" : "p2"}:${b.bid?.state}`);

describe("market/queries", () => {
  it("lists bids by owner, by provider and by state, each with its deposit account", () => {
    const ctx = setup();
    const byOwner = ctx.query<QueryBidsResponse>("/akash.market.v1beta5.Query/Bids", { filters: { owner: tenant } });
    expect(bidKeys(byOwner).sort()).to.deep.equal(["1/p1:2", "1/p2:3", "2/p2:1"]);
    expect(byOwner.bids[0].escrowAccount?.state?.owner).to.be.oneOf([p1, p2]);
    const byProvider = ctx.query<QueryBidsResponse>("/akash.market.v1beta5.Query/Bids", { filters: { provider: p1 } });
    expect(bidKeys(byProvider).sort()).to.deep.equal(["1/p1:2", "3/p1:1"]);
    const open = ctx.query<QueryBidsResponse>("/akash.market.v1beta5.Query/Bids", { filters: { state: "open" } });
    expect(bidKeys(open).sort()).to.deep.equal(["2/p2:1", "3/p1:1"]);
  });

  it("pages with offset only when a state is given, and rejects unknown states", () => {
    const ctx = setup();
    const err = chainErrorOf(() => ctx.query("/akash.market.v1beta5.Query/Orders", { filters: {}, pagination: { offset: 1 } }));
    expect(err).to.include({ codespace: "sdk", code: 18 });
    expect(err.message).to.include("if offset is set, filter.state must be provided");
    expect(chainErrorOf(() => ctx.query("/akash.market.v1beta5.Query/Orders", { filters: { state: "bogus" } })).message).to.include("invalid state value");
    const page = ctx.query<QueryOrdersResponse>("/akash.market.v1beta5.Query/Orders", { filters: { state: "open" }, pagination: { offset: 1, limit: 1 } });
    expect(page.orders).to.have.length(1);
    expect(page.pagination?.nextKey.length).to.equal(0);
    const all = ctx.query<QueryOrdersResponse>("/akash.market.v1beta5.Query/Orders", { filters: {} });
    // State path: open orders first, then active ones.
    expect(all.orders.map((o) => [Number(o.id?.dseq), o.state])).to.deep.equal([
      [2, 1],
      [3, 1],
      [1, 2],
    ]);
  });

  it("shows a lease with its payment, and not-found as the node reports it", () => {
    const ctx = setup();
    const res = ctx.query<QueryLeaseResponse>("/akash.market.v1beta5.Query/Lease", { id: leaseId(tenant, 1, p1) });
    expect(res.lease?.price).to.deep.equal({ denom: "uact", amount: "90" });
    expect(res.escrowPayment?.id).to.deep.equal({ aid: { scope: 1, xid: `${tenant}/1` }, xid: `1/1/${p1}` });
    const missing = chainErrorOf(() => ctx.query("/akash.market.v1beta5.Query/Lease", { id: leaseId(tenant, 2, p1) }));
    expect(missing).to.deep.include({ codespace: "sdk", code: 22, message: "invalid lease: lease not found: key not found" });
    const leases = ctx.query<QueryLeasesResponse>("/akash.market.v1beta5.Query/Leases", { filters: { provider: p1, state: "active" } });
    expect(leases.leases.map((l) => l.lease?.id?.owner)).to.deep.equal([tenant]);
  });

  it("reports the v2.0 market params", () => {
    const ctx = setup();
    const { params } = ctx.query<QueryParamsResponse>("/akash.market.v1beta5.Query/Params", {});
    expect(params).to.deep.include({ orderMaxBids: 20, bidMinDeposit: { denom: "uakt", amount: "500000" } });
    expect(params?.bidMinDeposits).to.deep.equal([{ denom: "uact", amount: "500000" }, { denom: "uakt", amount: "500000" }]);
  });
});
