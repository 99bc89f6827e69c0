/**
 * Market acceptance against a running devnet through cosmjs and chain-sdk codecs: a test-side provider
 * registers, bids and gets a lease; escrow settles block by block at the bid price; overdraw closes the
 * deployment; the node's market error codes.
 */
import { expect } from "chai";
import { MsgCreateDeployment, MsgCreateProvider, QueryDeploymentRequest, QueryDeploymentResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import {
  MsgCloseLease,
  MsgCreateBid,
  MsgCreateLease,
  MsgWithdrawLease,
  QueryBidsRequest,
  QueryBidsResponse,
  QueryLeaseRequest,
  QueryLeaseResponse,
  QueryOrdersRequest,
  QueryOrdersResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { fundedWallet, type FundedWallet } from "../../devnet/src/testing";
import { compiled, dseq, useTestDevnet } from "./market-support";

const ONE_BLOCK_MS = 100;

describe("devnet market module: bids, leases, settlement (cosmjs acceptance)", function () {
  this.timeout(60_000);
  const suite = useTestDevnet();
  const chain = () => suite.chain();

  const uact = async (w: FundedWallet) => BigInt((await w.client.getBalance(w.address, "uact")).amount);
  const leaseKey = (tenant: FundedWallet, id: number, provider: FundedWallet, oseq = 1) => ({ owner: tenant.address, dseq: String(id), gseq: 1, oseq, provider: provider.address, bseq: 0 });
  const deploy = (tenant: FundedWallet, id: number, price: string, deposit = "5000000") => {
    const sdl = compiled(price);
    return {
      typeUrl: `/${MsgCreateDeployment.$type}`,
      value: MsgCreateDeployment.fromPartial({ id: { owner: tenant.address, dseq: String(id) }, groups: sdl.groups, hash: sdl.version, deposit: { amount: { denom: "uact", amount: deposit }, sources: [1] } }),
    };
  };
  const bid = (tenant: FundedWallet, id: number, provider: FundedWallet, price: string, oseq = 1) => ({
    typeUrl: `/${MsgCreateBid.$type}`,
    value: MsgCreateBid.fromPartial({ id: leaseKey(tenant, id, provider, oseq), price: { denom: "uact", amount: price }, deposit: { amount: { denom: "uact", amount: "500000" }, sources: [1] } }),
  });
  const lease = (tenant: FundedWallet, id: number, provider: FundedWallet, oseq = 1) => ({ typeUrl: `/${MsgCreateLease.$type}`, value: MsgCreateLease.fromPartial({ bidId: leaseKey(tenant, id, provider, oseq) }) });
  const withdraw = (tenant: FundedWallet, id: number, provider: FundedWallet) => ({ typeUrl: `/${MsgWithdrawLease.$type}`, value: MsgWithdrawLease.fromPartial({ id: leaseKey(tenant, id, provider) }) });
  const closeLease = (tenant: FundedWallet, id: number, provider: FundedWallet) => ({ typeUrl: `/${MsgCloseLease.$type}`, value: MsgCloseLease.fromPartial({ id: leaseKey(tenant, id, provider) }) });
  const leaseInfo = (tenant: FundedWallet, id: number, provider: FundedWallet, oseq = 1) => chain().query("/akash.market.v1beta5.Query/Lease", QueryLeaseRequest, QueryLeaseResponse, { id: leaseKey(tenant, id, provider, oseq) });
  const deploymentInfo = (tenant: FundedWallet, id: number) => chain().query("/akash.deployment.v1beta4.Query/Deployment", QueryDeploymentRequest, QueryDeploymentResponse, { id: { owner: tenant.address, dseq: String(id) } });

  async function registeredProvider(): Promise<FundedWallet> {
    const p = await fundedWallet(suite.devnet());
    await chain().expectOk(p, [
      {
        typeUrl: `/${MsgCreateProvider.$type}`,
        value: MsgCreateProvider.fromPartial({ owner: p.address, hostUri: "https://provider.test:8443", attributes: [{ key: "region", value: "us-west" }], info: { email: "ops@provider.test", website: "" } }),
      },
    ]);
    return p;
  }

  async function waitBlocks(blocks: number): Promise<void> {
    const target = (await suite.devnet().chain.height()) + blocks;
    while ((await suite.devnet().chain.height()) < target) await new Promise((r) => setTimeout(r, ONE_BLOCK_MS));
  }

  it("a registered provider bids, the tenant leases, escrow settles at the bid price on withdraw", async () => {
    const [tenant, provider] = await Promise.all([fundedWallet(suite.devnet()), registeredProvider()]);
    const id = dseq();
    await chain().expectOk(tenant, [deploy(tenant, id, "100.5")]);
    const bidTx = await chain().expectOk(provider, [bid(tenant, id, provider, "100.5")]);
    expect(bidTx.response!.events.map((e) => e.type)).to.include("akash.market.v1.EventBidCreated");
    const bids = await chain().query("/akash.market.v1beta5.Query/Bids", QueryBidsRequest, QueryBidsResponse, { filters: { owner: tenant.address, dseq: String(id), state: "open" } });
    expect(bids.bids.map((b) => [b.bid?.id?.provider, b.bid?.price?.amount, b.escrowAccount?.state?.funds[0].amount])).to.deep.equal([[provider.address, "100.5", "500000"]]);

    const leased = await chain().expectOk(tenant, [lease(tenant, id, provider)]);
    const h0 = leased.height;
    const info = await leaseInfo(tenant, id, provider);
    expect(info.lease?.state).to.equal(1);
    expect(info.lease?.createdAt.toString()).to.equal(String(h0));
    expect(info.escrowPayment?.state?.rate).to.deep.equal({ denom: "uact", amount: "100.5" });
    const orders = await chain().query("/akash.market.v1beta5.Query/Orders", QueryOrdersRequest, QueryOrdersResponse, { filters: { owner: tenant.address, dseq: String(id) } });
    expect(orders.orders[0].state).to.equal(2);

    await waitBlocks(3);
    const before = await uact(provider);
    const w = await chain().expectOk(provider, [withdraw(tenant, id, provider)]);
    const blocks = BigInt(w.height - h0);
    // trunc(100.5 × blocks): the half unit of odd block counts is dropped at each settlement.
    const paid = (1005n * blocks) / 10n;
    expect(await uact(provider)).to.equal(before + paid);
    const acc = (await deploymentInfo(tenant, id)).escrowAccount!.state!;
    expect(acc.settledAt.toString()).to.equal(String(w.height));
    expect(acc.funds).to.deep.equal([{ denom: "uact", amount: String(5_000_000n - paid) }]);
    expect(acc.transferred).to.deep.equal([{ denom: "uact", amount: String(paid) }]);
    const payment = (await leaseInfo(tenant, id, provider)).escrowPayment!.state!;
    expect(payment.withdrawn).to.deep.equal({ denom: "uact", amount: String(paid) });
    expect(payment.balance?.amount).to.equal("0");
  });

  it("overdraw at the next settlement closes the deployment with insufficient_funds", async () => {
    const [tenant, provider] = await Promise.all([fundedWallet(suite.devnet()), registeredProvider()]);
    const id = dseq();
    await chain().expectOk(tenant, [deploy(tenant, id, "100000", "500000")]);
    await chain().expectOk(provider, [bid(tenant, id, provider, "100000")]);
    const h0 = (await chain().expectOk(tenant, [lease(tenant, id, provider)])).height;
    const before = await uact(provider);
    await waitBlocks(6);
    const w = await chain().expectOk(provider, [withdraw(tenant, id, provider)]);
    expect(w.response!.events.map((e) => e.type)).to.include.members(["akash.deployment.v1.EventDeploymentClosed", "akash.market.v1.EventLeaseClosed"]);
    const leaseClosed = w.response!.events.find((e) => e.type === "akash.market.v1.EventLeaseClosed")!;
    expect(leaseClosed.attributes).to.deep.include({ key: "reason", value: JSON.stringify("lease_closed_reason_insufficient_funds") });
    const d = await deploymentInfo(tenant, id);
    expect(d.deployment?.state).to.equal(2);
    expect(d.groups[0].state).to.equal(3);
    expect(d.escrowAccount?.state?.state).to.equal(3);
    const owed = 100_000n * BigInt(w.height - h0);
    // Funds go negative by the unpaid part, which the payment carries as `unsettled`.
    expect(d.escrowAccount?.state?.funds).to.deep.equal([{ denom: "uact", amount: String(500_000n - owed) }]);
    const l = await leaseInfo(tenant, id, provider);
    expect([l.lease?.state, l.lease?.reason]).to.deep.equal([2, 20000]);
    expect(l.escrowPayment?.state?.state).to.equal(3);
    expect(l.escrowPayment?.state?.unsettled).to.deep.equal({ denom: "uact", amount: String(owed - 500_000n) });
    // The provider gets the whole deposit plus its bid deposit back.
    expect(await uact(provider)).to.equal(before + 500_000n + 500_000n);
  });

  it("closing a lease opens a new order (oseq 2) for the still-open group", async () => {
    const [tenant, provider] = await Promise.all([fundedWallet(suite.devnet()), registeredProvider()]);
    const id = dseq();
    await chain().expectOk(tenant, [deploy(tenant, id, "50")]);
    await chain().expectOk(provider, [bid(tenant, id, provider, "40")]);
    await chain().expectOk(tenant, [lease(tenant, id, provider)]);
    await chain().expectOk(tenant, [closeLease(tenant, id, provider)]);
    const l = await leaseInfo(tenant, id, provider);
    expect([l.lease?.state, l.lease?.reason]).to.deep.equal([3, 1]);
    const orders = await chain().query("/akash.market.v1beta5.Query/Orders", QueryOrdersRequest, QueryOrdersResponse, { filters: { owner: tenant.address, dseq: String(id), state: "open" } });
    expect(orders.orders.map((o) => o.id?.oseq)).to.deep.equal([2]);
  });

  it("returns the node's market errors with codespace and code", async () => {
    const [tenant, provider, rival, stranger] = await Promise.all([fundedWallet(suite.devnet()), registeredProvider(), registeredProvider(), fundedWallet(suite.devnet())]);
    const id = dseq();
    await chain().expectOk(tenant, [deploy(tenant, id, "100")]);
    const fail = async (w: FundedWallet, msg: { typeUrl: string; value: unknown }) => {
      const out = await chain().submit(w, [msg]);
      return [out.codespace, out.code];
    };
    expect(await fail(provider, bid(tenant, id, provider, "100.000001"))).to.deep.equal(["market", 22]);
    expect(await fail(stranger, bid(tenant, id, stranger, "90"))).to.deep.equal(["market", 30]);
    expect(await fail(provider, bid(tenant, id, provider, "90", 2))).to.deep.equal(["market", 15]);
    await chain().expectOk(provider, [bid(tenant, id, provider, "90")]);
    await chain().expectOk(rival, [bid(tenant, id, rival, "95")]);
    expect(await fail(provider, bid(tenant, id, provider, "80"))).to.deep.equal(["market", 21]);
    await chain().expectOk(tenant, [lease(tenant, id, provider)]);
    expect(await fail(tenant, lease(tenant, id, rival))).to.deep.equal(["market", 12]);
    expect(await fail(tenant, lease(tenant, id, stranger))).to.deep.equal(["market", 18]);
    expect(await fail(stranger, withdraw(tenant, id, stranger))).to.deep.equal(["market", 7]);
    await chain().expectOk(tenant, [closeLease(tenant, id, provider)]);
    expect(await fail(tenant, closeLease(tenant, id, provider))).to.deep.equal(["market", 24]);
  });
});
