import { expect } from "chai";
import { HASH, TYPE, address, chainErrorOf, fund, createDeployment, groupSpec, marketplace } from "../market-common/fixtures";
import type { EscrowKeeper } from "../escrow/keeper";
import type { MarketKeeper } from "../market/keeper";
import type { DeploymentKeeper } from "./keeper";

const tenant = address("tenant");
const escrowAddr = address("escrow");

function setup() {
  const m = marketplace();
  fund(m.ctx, tenant, [{ denom: "uact", amount: "100000000" }, { denom: "uakt", amount: "100000000" }]);
  m.ctx.setHeight(1000);
  const deployments = m.ctx.keeper<DeploymentKeeper>("deployment");
  const market = m.ctx.keeper<MarketKeeper>("market");
  const escrow = m.ctx.keeper<EscrowKeeper>("escrow");
  return { ...m, deployments, market, escrow };
}

describe("deployment/msgs", () => {
  it("creates the deployment, its groups, one order per group and a funded escrow account", () => {
    const { ctx, deployments, market, escrow } = setup();
    ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1000, { groups: [groupSpec({ name: "a" }), groupSpec({ name: "b", price: "50.5", count: 2 })] }));

    const d = deployments.getDeployment(ctx, { owner: tenant, dseq: "1000" });
    expect(d).to.include({ state: "active", createdAt: "1000", hash: Buffer.from(HASH).toString("base64") });
    expect(deployments.getGroups(ctx, { owner: tenant, dseq: "1000" }).map((g) => [g.gseq, g.state])).to.deep.equal([
      [1, "open"],
      [2, "open"],
    ]);
    expect(market.getOrder(ctx, { owner: tenant, dseq: "1000", gseq: 2, oseq: 1 })?.state).to.equal("open");
    const acc = escrow.getAccount(ctx, { scope: "deployment", xid: `${tenant}/1000` })!;
    expect(acc.state).to.equal("open");
    expect(acc.funds).to.deep.equal([{ denom: "uact", amount: 5_000_000n * 10n ** 18n }]);
    expect(acc.deposits[0]).to.include({ owner: tenant, source: "balance", height: 1000n });
    expect(ctx.bank.balance(tenant, "uact")).to.equal(95_000_000n);
    expect(ctx.bank.balance(escrowAddr, "uact")).to.equal(5_000_000n);
    expect(ctx.emitted().map((e) => e.type)).to.include.members(["akash.deployment.v1.EventDeploymentCreated", "akash.market.v1.EventOrderCreated"]);
    const created = ctx.emitted().find((e) => e.type === "akash.deployment.v1.EventDeploymentCreated")!;
    expect(created.attributes).to.deep.equal({ id: { owner: tenant, dseq: "1000" }, hash: Buffer.from(HASH).toString("base64") });
  });

  it("refuses an existing dseq, low or unknown deposits and uakt deposits, in the node's order", () => {
    const { ctx } = setup();
    ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1));
    expect(chainErrorOf(() => ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1)))).to.include({ codespace: "deployment", code: 3 });
    expect(chainErrorOf(() => ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 2, { deposit: { denom: "uact", amount: "100" } })))).to.deep.include({
      codespace: "deployment",
      code: 20,
      message: "Deposit too low - 100 < 500000uact: Deposit invalid",
    });
    const uakt = createDeployment(tenant, 3, { groups: [groupSpec({ denom: "uakt" })], deposit: { denom: "uakt", amount: "5000000" } });
    expect(chainErrorOf(() => ctx.deliver(TYPE.createDeployment, uakt))).to.deep.include({ codespace: "deployment", code: 20, message: "Deposit invalid" });
    const unknown = createDeployment(tenant, 4, { groups: [groupSpec({ denom: "uusd" })], deposit: { denom: "uusd", amount: "5000000" } });
    expect(chainErrorOf(() => ctx.deliver(TYPE.createDeployment, unknown)).message).to.equal("Deposit invalid: Invalid deposit denomination uusd");
  });

  it("checks the message statelessly: hash, price denom vs deposit, group limits", () => {
    const { ctx } = setup();
    expect(chainErrorOf(() => ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 5, { hash: new Uint8Array() })))).to.include({ codespace: "deployment", code: 9 });
    expect(chainErrorOf(() => ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 5, { hash: new Uint8Array(10) })))).to.include({ codespace: "deployment", code: 10 });
    const mixed = chainErrorOf(() => ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 5, { groups: [groupSpec({ denom: "uakt" })] })));
    expect(mixed).to.deep.include({ codespace: "deployment", code: 20, message: "Mismatched denominations (uact != uakt): Deposit invalid" });
    const tinyCpu = chainErrorOf(() => ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 5, { groups: [groupSpec({ cpuMillis: "5" })] })));
    expect(tinyCpu).to.include({ codespace: "undefined", code: 1 });
    expect(tinyCpu.message).to.match(/invalid unit CPU/);
    expect(chainErrorOf(() => ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 5, { groups: [] })))).to.include({ codespace: "deployment", code: 7 });
    const dup = chainErrorOf(() => ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 5, { groups: [groupSpec(), groupSpec()] })));
    expect(dup).to.deep.include({ codespace: "deployment", code: 7, message: "duplicate deployment group name dcloud: duplicate group name: Invalid groups" });
    const zeroDseq = chainErrorOf(() => ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 0)));
    expect(zeroDseq).to.deep.include({ codespace: "sdk", code: 3, message: "DeploymentID: Invalid Deployment Sequence: invalid sequence" });
  });

  it("fails with market ErrInvalidDeposit when the owner cannot cover the deposit", () => {
    const { ctx } = setup();
    const poor = address("poor");
    const err = chainErrorOf(() => ctx.deliver(TYPE.createDeployment, createDeployment(poor, 1)));
    expect(err).to.deep.include({ codespace: "market", code: 28, message: "deposit invalid: insufficient balance" });
  });

  it("updates only to a different hash of an active deployment", () => {
    const { ctx, deployments } = setup();
    ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1));
    const id = { owner: tenant, dseq: "1" };
    expect(chainErrorOf(() => ctx.deliver(TYPE.updateDeployment, { id, hash: HASH }))).to.include({ codespace: "deployment", code: 10 });
    const next = new Uint8Array(32).fill(9);
    ctx.deliver(TYPE.updateDeployment, { id, hash: next });
    expect(deployments.getDeployment(ctx, id)?.hash).to.equal(Buffer.from(next).toString("base64"));
    expect(ctx.emitted().at(-1)?.type).to.equal("akash.deployment.v1.EventDeploymentUpdated");
    expect(chainErrorOf(() => ctx.deliver(TYPE.updateDeployment, { id: { owner: tenant, dseq: "77" }, hash: next }))).to.include({ codespace: "deployment", code: 4 });
    ctx.deliver(TYPE.closeDeployment, { id });
    expect(chainErrorOf(() => ctx.deliver(TYPE.updateDeployment, { id, hash: HASH }))).to.include({ codespace: "deployment", code: 5 });
  });

  it("closing refunds the deposit and closes groups and orders", () => {
    const { ctx, deployments, market, escrow } = setup();
    ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1));
    ctx.setHeight(1010);
    const id = { owner: tenant, dseq: "1" };
    ctx.deliver(TYPE.closeDeployment, { id });
    expect(ctx.bank.balance(tenant, "uact")).to.equal(100_000_000n);
    expect(deployments.getDeployment(ctx, id)?.state).to.equal("closed");
    expect(deployments.getGroup(ctx, { ...id, gseq: 1 })?.state).to.equal("closed");
    expect(market.getOrder(ctx, { ...id, gseq: 1, oseq: 1 })?.state).to.equal("closed");
    const acc = escrow.getAccount(ctx, { scope: "deployment", xid: `${tenant}/1` })!;
    expect(acc).to.include({ state: "closed", settledAt: 1010n });
    expect(acc.funds[0].amount).to.equal(0n);
    expect(acc.deposits).to.deep.equal([]);
    expect(chainErrorOf(() => ctx.deliver(TYPE.closeDeployment, { id }))).to.include({ codespace: "deployment", code: 5 });
    expect(chainErrorOf(() => ctx.deliver(TYPE.closeDeployment, { id: { owner: tenant, dseq: "2" } }))).to.include({ codespace: "deployment", code: 4 });
  });

  it("pauses, restarts (new order oseq 2) and closes a group", () => {
    const { ctx, deployments, market } = setup();
    ctx.deliver(TYPE.createDeployment, createDeployment(tenant, 1));
    const gid = { owner: tenant, dseq: "1", gseq: 1 };
    expect(chainErrorOf(() => ctx.deliver(TYPE.startGroup, { id: gid }))).to.include({ codespace: "deployment", code: 16 });
    ctx.deliver(TYPE.pauseGroup, { id: gid });
    expect(deployments.getGroup(ctx, gid)?.state).to.equal("paused");
    expect(market.getOrder(ctx, { ...gid, oseq: 1 })?.state).to.equal("closed");
    expect(chainErrorOf(() => ctx.deliver(TYPE.pauseGroup, { id: gid }))).to.include({ codespace: "deployment", code: 17 });
    ctx.deliver(TYPE.startGroup, { id: gid });
    expect(market.getOrder(ctx, { ...gid, oseq: 2 })?.state).to.equal("open");
    ctx.deliver(TYPE.closeGroup, { id: gid });
    expect(deployments.getGroup(ctx, gid)?.state).to.equal("closed");
    expect(market.getOrder(ctx, { ...gid, oseq: 2 })?.state).to.equal("closed");
    expect(chainErrorOf(() => ctx.deliver(TYPE.closeGroup, { id: gid }))).to.include({ codespace: "deployment", code: 15 });
    expect(chainErrorOf(() => ctx.deliver(TYPE.closeGroup, { id: { ...gid, gseq: 9 } }))).to.include({ codespace: "deployment", code: 14 });
  });
});
