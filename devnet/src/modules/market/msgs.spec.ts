import { expect } from "chai";
import type { DeploymentKeeper } from "../deployment/keeper";
import type { EscrowKeeper } from "../escrow/keeper";
import { TYPE, address, chainErrorOf, createBid, fund, createDeployment, groupSpec, leaseId, marketplace } from "../market-common/fixtures";
import type { MarketKeeper } from "./keeper";

const tenant = address("tenant");
const p1 = address("provider-1");
const p2 = address("provider-2");
const p3 = address("provider-3");

function setup(groups = [groupSpec({ price: "100.5" })]) {
  const m = marketplace();
  for (const addr of [tenant, p1, p2, p3]) fund(m.ctx, addr, [{ denom: "uact", amount: "100000000" }]);
  for (const p of [p1, p2, p3]) m.providers.set(p, [{ key: "region", value: "us-west" }]);
  m.ctx.setHeight(1000);
  m.ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1000, { groups }));
  return { ...m, market: m.ctx.keeper<MarketKeeper>("market"), escrow: m.ctx.keeper<EscrowKeeper>("escrow"), deployments: m.ctx.keeper<DeploymentKeeper>("deployment") };
}

describe("market/msgs", () => {
  it("creates a bid with its deposit escrowed, and refuses the node's error cases", () => {
    const { ctx, market, escrow } = setup();
    ctx.deliver(TYPE.createBid, createBid(tenant, 1000, p1, "90"));
    expect(market.getBid(ctx, leaseId(tenant, 1000, p1))).to.include({ state: "open", createdAt: "1000" });
    expect(escrow.getAccount(ctx, { scope: "bid", xid: `${tenant}/1000/1/1/${p1}` })?.owner).to.equal(p1);
    expect(ctx.bank.balance(p1, "uact")).to.equal(99_500_000n);
    const bidEvent = ctx.emitted().find((e) => e.type === "akash.market.v1.EventBidCreated")!;
    expect(bidEvent.attributes.price).to.deep.equal({ denom: "uact", amount: "90.000000000000000000" });

    const err = (msg: unknown) => chainErrorOf(() => ctx.deliver(TYPE.createBid, msg));
    expect(err(createBid(tenant, 1000, p1, "90"))).to.include({ codespace: "market", code: 21 });
    expect(err(createBid(tenant, 1000, p2, "100.6"))).to.include({ codespace: "market", code: 22 });
    expect(err(createBid(tenant, 1000, p2, "90", { oseq: 2 }))).to.include({ codespace: "market", code: 15 });
    expect(err(createBid(tenant, 1000, address("stranger"), "90"))).to.include({ codespace: "market", code: 30 });
    expect(err(createBid(tenant, 1000, p2, "90", { deposit: { denom: "ufoo", amount: "500000" } }))).to.deep.include({ codespace: "market", code: 28, message: "deposit invalid: unsupported denom ufoo" });
    expect(err(createBid(tenant, 1000, p2, "90", { deposit: { denom: "uact", amount: "10" } })).message).to.equal("deposit invalid: minimum:500000uact received:10uact");
    expect(err(createBid(tenant, 1000, p2, "0"))).to.include({ codespace: "market", code: 19 });
    expect(err(createBid(tenant, 1000, tenant, "90"))).to.deep.include({ codespace: "sdk", code: 36 });
  });

  it("matches placement attributes and signed_by against provider and auditor attributes", () => {
    const auditor = address("auditor");
    const { ctx, audits } = setup([groupSpec({ attributes: [{ key: "region", value: "us-west" }], signedBy: { anyOf: [auditor] } })]);
    expect(chainErrorOf(() => ctx.deliver(TYPE.createBid, createBid(tenant, 1000, p1, "50")))).to.include({ codespace: "market", code: 5 });
    audits.set(p1, [{ auditor, attributes: [{ key: "region", value: "us-west" }] }]);
    ctx.deliver(TYPE.createBid, createBid(tenant, 1000, p1, "50"));
  });

  it("leases a bid: payment at the bid price, order and bid active, the first other open bid lost and refunded", () => {
    const { ctx, market, escrow } = setup();
    for (const p of [p1, p2, p3]) ctx.deliver(TYPE.createBid, createBid(tenant, 1000, p, "90"));
    ctx.setHeight(1005);
    ctx.deliver(TYPE.createLease, { bidId: leaseId(tenant, 1000, p2) });
    expect(market.getLease(ctx, leaseId(tenant, 1000, p2))).to.include({ state: "active", createdAt: "1005" });
    expect(market.getOrder(ctx, leaseId(tenant, 1000, p2))?.state).to.equal("active");
    const payment = escrow.getPayment(ctx, { aid: { scope: "deployment", xid: `${tenant}/1000` }, xid: `1/1/${p2}` })!;
    expect(payment.rate.amount).to.equal(90n * 10n ** 18n);
    const states = [p1, p2, p3].map((p) => market.getBid(ctx, leaseId(tenant, 1000, p))?.state);
    // The node's loser loop stops after the first bid account close (its escrow hook reports an error).
    expect(states[1]).to.equal("active");
    expect([states[0], states[2]].sort()).to.deep.equal(["lost", "open"]);
    const loser = [p1, p3].find((p) => market.getBid(ctx, leaseId(tenant, 1000, p))?.state === "lost")!;
    expect(ctx.bank.balance(loser, "uact")).to.equal(100_000_000n);
    expect(chainErrorOf(() => ctx.deliver(TYPE.createLease, { bidId: leaseId(tenant, 1000, loser) }))).to.include({ codespace: "market", code: 12 });
  });

  it("settles over blocks and pays the provider on withdraw (research A.2)", () => {
    const { ctx, escrow } = setup();
    ctx.deliver(TYPE.createBid, createBid(tenant, 1000, p1, "100.5"));
    ctx.deliver(TYPE.createLease, { bidId: leaseId(tenant, 1000, p1) });
    ctx.setHeight(1100);
    ctx.deliver(TYPE.withdrawLease, { id: leaseId(tenant, 1000, p1) });
    const acc = escrow.getAccount(ctx, { scope: "deployment", xid: `${tenant}/1000` })!;
    const ONE = 10n ** 18n;
    expect(acc.settledAt).to.equal(1100n);
    expect(acc.funds[0].amount).to.equal(4_989_950n * ONE);
    expect(acc.transferred[0].amount).to.equal(10_050n * ONE);
    const payment = escrow.getPayment(ctx, { aid: { scope: "deployment", xid: `${tenant}/1000` }, xid: `1/1/${p1}` })!;
    expect(payment.withdrawn.amount).to.equal(10_050n);
    expect(payment.balance.amount).to.equal(0n);
    expect(ctx.bank.balance(p1, "uact")).to.equal(100_000_000n - 500_000n + 10_050n);
  });

  it("overdraw at the next settlement closes the deployment: groups and leases insufficient_funds", () => {
    const { ctx, escrow, market, deployments } = setup([groupSpec({ price: "10000" })]);
    ctx.deliver(TYPE.createBid, createBid(tenant, 1000, p1, "10000"));
    ctx.deliver(TYPE.createLease, { bidId: leaseId(tenant, 1000, p1) });
    ctx.setHeight(1500); // 500 blocks × 10000 = 5,000,000 = exactly the deposit
    ctx.deliver(TYPE.withdrawLease, { id: leaseId(tenant, 1000, p1) });
    expect(deployments.getDeployment(ctx, { owner: tenant, dseq: "1000" })?.state).to.equal("active");
    ctx.setHeight(1501);
    ctx.deliver(TYPE.withdrawLease, { id: leaseId(tenant, 1000, p1) });
    const did = { owner: tenant, dseq: "1000" };
    expect(deployments.getDeployment(ctx, did)?.state).to.equal("closed");
    expect(deployments.getGroup(ctx, { ...did, gseq: 1 })?.state).to.equal("insufficient_funds");
    expect(market.getLease(ctx, leaseId(tenant, 1000, p1))).to.include({ state: "insufficient_funds", reason: 20000, closedOn: "1501" });
    const acc = escrow.getAccount(ctx, { scope: "deployment", xid: `${tenant}/1000` })!;
    expect(acc.state).to.equal("overdrawn");
    expect(acc.funds[0].amount).to.equal(-10_000n * 10n ** 18n);
    const payment = escrow.getPayment(ctx, { aid: { scope: "deployment", xid: `${tenant}/1000` }, xid: `1/1/${p1}` })!;
    expect(payment).to.include({ state: "overdrawn" });
    expect(payment.unsettled.amount).to.equal(10_000n * 10n ** 18n);
    expect(ctx.bank.balance(p1, "uact")).to.equal(100_000_000n + 5_000_000n); // bid deposit refunded + earnings
  });

  it("closing a lease reopens the group with order oseq+1; a provider closing an active bid pauses the group", () => {
    const { ctx, market, deployments } = setup();
    ctx.deliver(TYPE.createBid, createBid(tenant, 1000, p1, "90"));
    ctx.deliver(TYPE.createLease, { bidId: leaseId(tenant, 1000, p1) });
    ctx.deliver(TYPE.closeLease, { id: leaseId(tenant, 1000, p1), reason: 10002 });
    expect(market.getLease(ctx, leaseId(tenant, 1000, p1))).to.include({ state: "closed", reason: 1 });
    expect(market.getOrder(ctx, leaseId(tenant, 1000, p1, 2))?.state).to.equal("open");
    expect(chainErrorOf(() => ctx.deliver(TYPE.closeLease, { id: leaseId(tenant, 1000, p1) }))).to.include({ codespace: "market", code: 24 });

    ctx.deliver(TYPE.createBid, createBid(tenant, 1000, p2, "90", { oseq: 2 }));
    ctx.deliver(TYPE.createLease, { bidId: leaseId(tenant, 1000, p2, 2) });
    expect(chainErrorOf(() => ctx.deliver(TYPE.closeBid, { id: leaseId(tenant, 1000, p2, 2), reason: 1 }))).to.include({ codespace: "market", code: 33 });
    ctx.deliver(TYPE.closeBid, { id: leaseId(tenant, 1000, p2, 2), reason: 10001 });
    expect(market.getLease(ctx, leaseId(tenant, 1000, p2, 2))).to.include({ state: "closed", reason: 10001 });
    expect(deployments.getGroup(ctx, { owner: tenant, dseq: "1000", gseq: 1 })?.state).to.equal("paused");
  });
});

describe("market/msgs close cascades", () => {
  it("closing a deployment with a lease pays the provider to date, closes lease/bid/order and refunds both deposits", () => {
    const { ctx, market, escrow } = setup();
    ctx.deliver(TYPE.createBid, createBid(tenant, 1000, p1, "100.5"));
    ctx.deliver(TYPE.createLease, { bidId: leaseId(tenant, 1000, p1) });
    ctx.setHeight(1011);
    ctx.deliver(TYPE.closeDeployment, { id: { owner: tenant, dseq: "1000" } });
    expect(market.getLease(ctx, leaseId(tenant, 1000, p1))).to.include({ state: "closed", reason: 1, closedOn: "1011" });
    expect(market.getBid(ctx, leaseId(tenant, 1000, p1))?.state).to.equal("closed");
    expect(market.getOrder(ctx, leaseId(tenant, 1000, p1))?.state).to.equal("closed");
    const payment = escrow.getPayment(ctx, { aid: { scope: "deployment", xid: `${tenant}/1000` }, xid: `1/1/${p1}` })!;
    expect(payment.state).to.equal("closed");
    expect(payment.withdrawn.amount).to.equal(1105n); // trunc(100.5 × 11)
    expect(ctx.bank.balance(p1, "uact")).to.equal(100_000_000n + 1105n);
    expect(ctx.bank.balance(tenant, "uact")).to.equal(100_000_000n - 1105n);
    const types = ctx.emitted().map((e) => e.type);
    expect(types).to.include.members(["akash.deployment.v1.EventDeploymentClosed", "akash.deployment.v1.EventGroupClosed", "akash.market.v1.EventOrderClosed", "akash.market.v1.EventBidClosed", "akash.market.v1.EventLeaseClosed"]);
    const closedEvent = ctx.emitted().find((e) => e.type === "akash.market.v1.EventLeaseClosed")!;
    expect(closedEvent.attributes.reason).to.equal("lease_closed_owner");
  });

  it("closing a group with a lease closes the lease and payment but keeps the deployment and its account", () => {
    const { ctx, market, escrow, deployments } = setup();
    ctx.deliver(TYPE.createBid, createBid(tenant, 1000, p1, "10"));
    ctx.deliver(TYPE.createLease, { bidId: leaseId(tenant, 1000, p1) });
    ctx.setHeight(1004);
    ctx.deliver(TYPE.closeGroup, { id: { owner: tenant, dseq: "1000", gseq: 1 } });
    expect(market.getLease(ctx, leaseId(tenant, 1000, p1))).to.include({ state: "closed", reason: 1 });
    expect(escrow.getPayment(ctx, { aid: { scope: "deployment", xid: `${tenant}/1000` }, xid: `1/1/${p1}` })?.state).to.equal("closed");
    expect(deployments.getDeployment(ctx, { owner: tenant, dseq: "1000" })?.state).to.equal("active");
    expect(escrow.getAccount(ctx, { scope: "deployment", xid: `${tenant}/1000` })?.state).to.equal("open");
    expect(ctx.bank.balance(p1, "uact")).to.equal(100_000_000n + 40n);
  });
});

describe("market/msgs order_max_bids", () => {
  it("refuses a bid once more than order_max_bids open/active/closed bids exist (the node's `>` check)", () => {
    const m = marketplace({ market: { params: { orderMaxBids: 1 } } });
    const bidders = [p1, p2, p3];
    for (const a of [tenant, ...bidders]) fund(m.ctx, a, [{ denom: "uact", amount: "100000000" }]);
    for (const p of bidders) m.providers.set(p, []);
    m.ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1));
    m.ctx.deliver(TYPE.createBid, createBid(tenant, 1, p1, "50"));
    m.ctx.deliver(TYPE.createBid, createBid(tenant, 1, p2, "50"));
    const err = chainErrorOf(() => m.ctx.deliver(TYPE.createBid, createBid(tenant, 1, p3, "50")));
    expect(err).to.deep.include({ codespace: "market", code: 31, message: "invalid bid: too many existing bids (1)" });
  });
});
