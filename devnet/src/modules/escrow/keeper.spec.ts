import { expect } from "chai";
import { TYPE, address, createBid, createDeployment, fund, groupSpec, leaseId, marketplace } from "../market-common/fixtures";
import type { EscrowKeeper } from "./keeper";

const tenant = address("tenant");
const granter = address("granter");
const provider = address("provider");
const ONE = 10n ** 18n;
const aid = (dseq: number) => ({ scope: "deployment" as const, xid: `${tenant}/${dseq}` });

function setup() {
  const m = marketplace();
  fund(m.ctx, tenant, [{ denom: "uact", amount: "1000000" }, { denom: "uakt", amount: "9000000" }]);
  fund(m.ctx, granter, [{ denom: "uact", amount: "50000000" }]);
  fund(m.ctx, provider, [{ denom: "uact", amount: "1000000" }]);
  m.providers.set(provider, []);
  m.ctx.setHeight(100);
  return { ...m, escrow: m.ctx.keeper<EscrowKeeper>("escrow") };
}

describe("escrow/keeper", () => {
  it("takes a grant first, then the balance, recording each depositor; refunds go back to their source", () => {
    const { ctx, grants, escrow } = setup();
    grants.push({ granter, grantee: tenant, scopes: ["deployment"], spendLimits: [{ denom: "uact", amount: "3000000" }] });
    ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1, { deposit: { denom: "uact", amount: "3500000" }, sources: [2, 1] }));
    const acc = escrow.getAccount(ctx, aid(1))!;
    expect(acc.deposits.map((d) => [d.owner, d.source, d.balance.amount / ONE])).to.deep.equal([
      [granter, "grant", 3_000_000n],
      [tenant, "balance", 500_000n],
    ]);
    expect(grants[0].spendLimits).to.deep.equal([{ denom: "uact", amount: "0" }]);
    expect(ctx.bank.balance(granter, "uact")).to.equal(47_000_000n);

    ctx.deliver(TYPE.closeDeployment, { id: { owner: tenant, dseq: "1" } });
    expect(ctx.bank.balance(granter, "uact")).to.equal(50_000_000n);
    expect(ctx.bank.balance(tenant, "uact")).to.equal(1_000_000n);
    expect(grants[0].spendLimits).to.deep.equal([{ denom: "uact", amount: "3000000" }]);
  });

  it("ignores grants without the deployment scope and fails when sources fall short", () => {
    const { ctx, grants } = setup();
    grants.push({ granter, grantee: tenant, scopes: ["bid"], spendLimits: [{ denom: "uact", amount: "3000000" }] });
    expect(() => ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1, { deposit: { denom: "uact", amount: "3500000" }, sources: [2, 1] }))).to.throw(
      "deposit invalid: insufficient balance",
    );
  });

  it("keeps uakt top-ups as a separate funds entry that settlement does not touch", () => {
    const { ctx, escrow } = setup();
    ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1, { deposit: { denom: "uact", amount: "1000000" } }));
    ctx.deliver(TYPE.deposit, { signer: tenant, id: { scope: 1, xid: `${tenant}/1` }, deposit: { amount: { denom: "uakt", amount: "2000000" }, sources: [1] } });
    const acc = escrow.getAccount(ctx, aid(1))!;
    expect(acc.funds.map((f) => [f.denom, f.amount / ONE])).to.deep.equal([
      ["uact", 1_000_000n],
      ["uakt", 2_000_000n],
    ]);
    expect(acc.transferred.map((t) => t.denom)).to.deep.equal(["uact", "uakt"]);
  });

  it("a deposit into an overdrawn account pays the debt and then closes the account", () => {
    const { ctx, escrow } = setup();
    ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1, { groups: [groupSpec({ price: "1000" })], deposit: { denom: "uact", amount: "500000" } }));
    ctx.deliver(TYPE.createBid, createBid(tenant, 1, provider, "1000"));
    ctx.deliver(TYPE.createLease, { bidId: leaseId(tenant, 1, provider) });
    ctx.setHeight(700); // 600 blocks × 1000 = 600,000 > 500,000
    ctx.deliver(TYPE.withdrawLease, { id: leaseId(tenant, 1, provider) });
    expect(escrow.getAccount(ctx, aid(1))?.state).to.equal("overdrawn");
    const paidBefore = ctx.bank.balance(provider, "uact");
    ctx.setHeight(710);
    fund(ctx, tenant, [{ denom: "uact", amount: "500000" }]);
    ctx.deliver(TYPE.deposit, { signer: tenant, id: { scope: 1, xid: `${tenant}/1` }, deposit: { amount: { denom: "uact", amount: "500000" }, sources: [1] } });
    const acc = escrow.getAccount(ctx, aid(1))!;
    expect(acc.state).to.equal("closed");
    // Overdrawn accounts do not advance settled_at; the 100,000 debt is paid, the rest refunded.
    expect(acc.settledAt).to.equal(700n);
    expect(ctx.bank.balance(provider, "uact") - paidBefore).to.equal(100_000n);
    expect(ctx.bank.balance(tenant, "uact")).to.equal(1_000_000n - 500_000n + 400_000n);
    const payment = escrow.getPayment(ctx, { aid: aid(1), xid: `1/1/${provider}` })!;
    expect(payment.state).to.equal("closed");
    expect(payment.unsettled.amount).to.equal(0n);
    expect(payment.withdrawn.amount).to.equal(600_000n);
  });

  it("refuses deposits into closed or missing accounts and rate-zero or foreign-denom payments", () => {
    const { ctx, escrow } = setup();
    ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1, { deposit: { denom: "uact", amount: "1000000" } }));
    expect(() => escrow.paymentCreate(ctx, { aid: aid(1), xid: `1/1/${provider}` }, provider, { denom: "uakt", amount: ONE })).to.throw("invalid denomination");
    expect(() => escrow.paymentCreate(ctx, { aid: aid(1), xid: `1/1/${provider}` }, provider, { denom: "uact", amount: 0n })).to.throw("payment rate zero");
    ctx.deliver(TYPE.closeDeployment, { id: { owner: tenant, dseq: "1" } });
    const deposit = (dseq: number) => () =>
      ctx.deliver(TYPE.deposit, { signer: tenant, id: { scope: 1, xid: `${tenant}/${dseq}` }, deposit: { amount: { denom: "uact", amount: "1" }, sources: [1] } });
    expect(deposit(1)).to.throw("account closed");
    expect(deposit(2)).to.throw("account not found");
  });
});
