/**
 * Deployment + escrow acceptance against a running devnet, through cosmjs and chain-sdk codecs only:
 * create from an SDL, query, update the hash, top up, close with refund, list with pagination, and the
 * error paths with the node's codespaces and codes.
 */
import { expect } from "chai";
import {
  MsgCloseDeployment,
  MsgCreateDeployment,
  MsgUpdateDeployment,
  QueryDeploymentRequest,
  QueryDeploymentResponse,
  QueryDeploymentsRequest,
  QueryDeploymentsResponse,
  QueryParamsRequest,
  QueryParamsResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { QueryOrdersRequest, QueryOrdersResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { MsgAccountDeposit, QueryAccountsRequest, QueryAccountsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1";
// chain-sdk alpha.25's DepositAuthorization lacks v2.1's spend_limits field; this codec carries it.
import { DepositAuthorization } from "../../devnet/src/modules/authz/deposit-authorization";
import { MsgGrant } from "cosmjs-types/cosmos/authz/v1beta1/tx";
import { fundedWallet, type FundedWallet } from "../../devnet/src/testing";
import { type ChainAccess, compiled, dseq, useTestDevnet } from "./market-support";

const create = (w: FundedWallet, id: number, o: { price?: string; deposit?: { denom: string; amount: string }; hash?: Uint8Array; denom?: string; sources?: number[] } = {}) => {
  const sdl = compiled(o.price ?? "100.5");
  const groups = o.denom ? sdl.groups.map((g) => ({ ...g, resources: g.resources.map((r) => ({ ...r, price: { denom: o.denom!, amount: r.price!.amount } })) })) : sdl.groups;
  return {
    typeUrl: `/${MsgCreateDeployment.$type}`,
    value: MsgCreateDeployment.fromPartial({
      id: { owner: w.address, dseq: String(id) },
      groups,
      hash: o.hash ?? sdl.version,
      deposit: { amount: o.deposit ?? { denom: "uact", amount: "5000000" }, sources: o.sources ?? [1] },
    }),
  };
};
const grantDeposits = (granter: FundedWallet, grantee: string, amount: string) => ({
  typeUrl: "/cosmos.authz.v1beta1.MsgGrant",
  value: MsgGrant.fromPartial({
    granter: granter.address,
    grantee,
    grant: {
      authorization: {
        typeUrl: DepositAuthorization.typeUrl,
        value: DepositAuthorization.encode({ scopes: [1], spendLimit: { denom: "uakt", amount: "0" }, spendLimits: [{ denom: "uact", amount }] }).finish(),
      },
    },
  }),
});
const deposit = (w: FundedWallet, owner: string, id: number, amount: string) => ({
  typeUrl: `/${MsgAccountDeposit.$type}`,
  value: MsgAccountDeposit.fromPartial({ signer: w.address, id: { scope: 1, xid: `${owner}/${id}` }, deposit: { amount: { denom: "uact", amount }, sources: [1] } }),
});
const close = (owner: string, id: number) => ({ typeUrl: `/${MsgCloseDeployment.$type}`, value: MsgCloseDeployment.fromPartial({ id: { owner, dseq: String(id) } }) });
const update = (owner: string, id: number, hash: Uint8Array) => ({ typeUrl: `/${MsgUpdateDeployment.$type}`, value: MsgUpdateDeployment.fromPartial({ id: { owner, dseq: String(id) }, hash }) });

describe("devnet deployment + escrow modules (cosmjs acceptance)", function () {
  this.timeout(60_000);
  const suite = useTestDevnet();
  const query: ChainAccess["query"] = (...args) => suite.chain().query(...args);
  const submit: ChainAccess["submit"] = (...args) => suite.chain().submit(...args);
  const expectOk: ChainAccess["expectOk"] = (...args) => suite.chain().expectOk(...args);
  const deploymentOf = (owner: string, id: number) => query("/akash.deployment.v1beta4.Query/Deployment", QueryDeploymentRequest, QueryDeploymentResponse, { id: { owner, dseq: String(id) } });
  const uact = async (w: FundedWallet) => BigInt((await w.client.getBalance(w.address, "uact")).amount);


  it("creates a deployment from an SDL and shows it with groups, order and escrow account", async () => {
    const w = await fundedWallet(suite.devnet());
    const id = dseq();
    const out = await expectOk(w, [create(w, id)]);
    const res = await deploymentOf(w.address, id);
    expect(res.deployment?.state).to.equal(1);
    expect(Buffer.from(res.deployment!.hash).toString("hex")).to.equal(compiled("100.5").versionHex);
    expect(res.deployment?.createdAt.toString()).to.equal(String(out.height));
    expect(res.groups.map((g) => [g.id?.gseq, g.state, g.groupSpec?.name])).to.deep.equal([[1, 1, "dcloud"]]);
    expect(res.groups[0].groupSpec?.resources[0].price).to.deep.equal({ denom: "uact", amount: "100.5" });
    const acc = res.escrowAccount!;
    expect(acc.id).to.deep.equal({ scope: 1, xid: `${w.address}/${id}` });
    expect(acc.state?.state).to.equal(1);
    expect(acc.state?.funds).to.deep.equal([{ denom: "uact", amount: "5000000" }]);
    expect(acc.state?.transferred).to.deep.equal([{ denom: "uact", amount: "0" }]);
    expect(acc.state?.settledAt.toString()).to.equal(String(out.height));
    expect(acc.state?.deposits.map((d) => [d.owner, d.source, d.balance?.amount])).to.deep.equal([[w.address, 1, "5000000"]]);
    expect(await uact(w)).to.equal(1_000_000_000n - 5_000_000n);
    const orders = await query("/akash.market.v1beta5.Query/Orders", QueryOrdersRequest, QueryOrdersResponse, { filters: { owner: w.address, dseq: String(id) } });
    expect(orders.orders.map((o) => [o.id?.gseq, o.id?.oseq, o.state])).to.deep.equal([[1, 1, 1]]);
    const types = out.response!.events.map((e) => e.type);
    expect(types).to.include.members(["akash.deployment.v1.EventDeploymentCreated", "akash.market.v1.EventOrderCreated"]);
    const created = out.response!.events.find((e) => e.type === "akash.deployment.v1.EventDeploymentCreated")!;
    expect(created.attributes).to.deep.include.members([
      { key: "hash", value: JSON.stringify(Buffer.from(compiled("100.5").version).toString("base64")) },
      { key: "id", value: JSON.stringify({ owner: w.address, dseq: String(id) }) },
      { key: "msg_index", value: "0" },
    ]);
    const params = await query("/akash.deployment.v1beta4.Query/Params", QueryParamsRequest, QueryParamsResponse, {});
    expect(params.params?.minDeposits).to.deep.equal([{ denom: "uact", amount: "500000" }, { denom: "uakt", amount: "500000" }]);
  });

  it("updates the hash (a different one only), tops up the escrow, and refunds on close", async () => {
    const w = await fundedWallet(suite.devnet());
    const id = dseq();
    await expectOk(w, [create(w, id)]);
    const same = await submit(w, [update(w.address, id, compiled("100.5").version)]);
    expect([same.codespace, same.code]).to.deep.equal(["deployment", 10]);
    const newHash = new Uint8Array(32).fill(0xab);
    const updated = await expectOk(w, [update(w.address, id, newHash)]);
    expect(updated.response!.events.map((e) => e.type)).to.include("akash.deployment.v1.EventDeploymentUpdated");
    expect(Buffer.from((await deploymentOf(w.address, id)).deployment!.hash)).to.deep.equal(Buffer.from(newHash));

    const other = await fundedWallet(suite.devnet());
    await expectOk(other, [deposit(other, w.address, id, "1000000")]);
    const topped = (await deploymentOf(w.address, id)).escrowAccount!.state!;
    expect(topped.funds).to.deep.equal([{ denom: "uact", amount: "6000000" }]);
    expect(topped.deposits.map((d) => [d.owner, d.balance?.amount])).to.deep.equal([
      [w.address, "5000000"],
      [other.address, "1000000"],
    ]);

    const closed = await expectOk(w, [close(w.address, id)]);
    expect(closed.response!.events.map((e) => e.type)).to.include.members(["akash.deployment.v1.EventDeploymentClosed", "akash.deployment.v1.EventGroupClosed", "akash.market.v1.EventOrderClosed"]);
    const after = await deploymentOf(w.address, id);
    expect(after.deployment?.state).to.equal(2);
    expect(after.groups[0].state).to.equal(4);
    expect(after.escrowAccount?.state?.state).to.equal(2);
    expect(after.escrowAccount?.state?.funds).to.deep.equal([{ denom: "uact", amount: "0" }]);
    expect(await uact(w)).to.equal(1_000_000_000n);
    expect(await uact(other)).to.equal(1_000_000_000n);
    const accounts = await query("/akash.escrow.v1.Query/Accounts", QueryAccountsRequest, QueryAccountsResponse, { state: "closed", xid: `deployment/${w.address}/${id}` });
    expect(accounts.accounts.map((a) => a.id?.xid)).to.deep.equal([`${w.address}/${id}`]);
  });

  it("funds a deployment from a deposit grant and refunds the granter on close", async () => {
    const [granter, tenant] = await Promise.all([fundedWallet(suite.devnet()), fundedWallet(suite.devnet())]);
    await expectOk(granter, [grantDeposits(granter, tenant.address, "3000000")]);
    const id = dseq();
    await expectOk(tenant, [create(tenant, id, { deposit: { denom: "uact", amount: "4000000" }, sources: [2, 1] })]);
    const acc = (await deploymentOf(tenant.address, id)).escrowAccount!.state!;
    expect(acc.deposits.map((d) => [d.owner, d.source, d.balance?.amount])).to.deep.equal([
      [granter.address, 2, "3000000"],
      [tenant.address, 1, "1000000"],
    ]);
    expect(await uact(granter)).to.equal(1_000_000_000n - 3_000_000n);
    expect(await uact(tenant)).to.equal(1_000_000_000n - 1_000_000n);
    await expectOk(tenant, [close(tenant.address, id)]);
    expect(await uact(granter)).to.equal(1_000_000_000n);
    expect(await uact(tenant)).to.equal(1_000_000_000n);
    // The refund restored the grant's limit, so it can fund the next deployment.
    await expectOk(tenant, [create(tenant, dseq(), { deposit: { denom: "uact", amount: "3000000" }, sources: [2] })]);
    expect(await uact(granter)).to.equal(1_000_000_000n - 3_000_000n);
  });

  it("lists an owner's deployments with state filter and pagination", async () => {
    const w = await fundedWallet(suite.devnet());
    const ids = [dseq(), dseq(), dseq()];
    await expectOk(w, ids.map((id) => create(w, id)), 1_200_000);
    await expectOk(w, [close(w.address, ids[1])]);
    const list = (filters: object, pagination?: object) => query("/akash.deployment.v1beta4.Query/Deployments", QueryDeploymentsRequest, QueryDeploymentsResponse, { filters, pagination });
    const first = await list({ owner: w.address }, { limit: 2 });
    expect(first.deployments.map((d) => Number(d.deployment?.id?.dseq))).to.deep.equal(ids.slice(0, 2));
    expect(first.pagination?.nextKey.length).to.be.greaterThan(0);
    const second = await list({ owner: w.address }, { key: first.pagination!.nextKey, limit: 2 });
    expect(second.deployments.map((d) => Number(d.deployment?.id?.dseq))).to.deep.equal([ids[2]]);
    const active = await list({ owner: w.address, state: "active" });
    expect(active.deployments.map((d) => Number(d.deployment?.id?.dseq))).to.deep.equal([ids[0], ids[2]]);
    expect(active.deployments[0].escrowAccount?.state?.funds[0].amount).to.equal("5000000");
  });

  it("returns the node's errors: exists, not found, closed, low deposit, uakt deposit, non-uact price, closed escrow", async () => {
    const w = await fundedWallet(suite.devnet());
    const id = dseq();
    await expectOk(w, [create(w, id)]);
    const fail = async (msg: { typeUrl: string; value: unknown }, signer: FundedWallet = w) => {
      const out = await submit(signer, [msg]);
      return [out.codespace, out.code];
    };
    expect(await fail(create(w, id))).to.deep.equal(["deployment", 3]);
    expect(await fail(update(w.address, dseq(), new Uint8Array(32).fill(1)))).to.deep.equal(["deployment", 4]);
    expect(await fail(close(w.address, dseq()))).to.deep.equal(["deployment", 4]);
    const low = await submit(w, [create(w, dseq(), { deposit: { denom: "uact", amount: "499999" } })]);
    expect([low.codespace, low.code]).to.deep.equal(["deployment", 20]);
    expect(low.log).to.include("Deposit too low - 499999 < 500000uact: Deposit invalid");
    expect(await fail(create(w, dseq(), { denom: "uakt", deposit: { denom: "uakt", amount: "5000000" } }))).to.deep.equal(["deployment", 20]);
    const priced = await submit(w, [create(w, dseq(), { denom: "uakt" })]);
    expect([priced.codespace, priced.code]).to.deep.equal(["deployment", 20]);
    expect(priced.log).to.include("Mismatched denominations (uact != uakt)");
    const poor = await submit(w, [create(w, dseq(), { deposit: { denom: "uact", amount: "2000000000" } })]);
    expect([poor.codespace, poor.code]).to.deep.equal(["market", 28]);
    expect(poor.log).to.include("deposit invalid: insufficient balance");
    await expectOk(w, [close(w.address, id)]);
    expect(await fail(close(w.address, id))).to.deep.equal(["deployment", 5]);
    expect(await fail(update(w.address, id, new Uint8Array(32).fill(2)))).to.deep.equal(["deployment", 5]);
    expect(await fail(deposit(w, w.address, id, "1000000"))).to.deep.equal(["escrow", 2]);
    expect(await fail(deposit(w, w.address, dseq(), "1000000"))).to.deep.equal(["escrow", 3]);
  });
});
