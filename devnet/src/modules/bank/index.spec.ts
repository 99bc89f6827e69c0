import { expect } from "chai";
import * as q from "cosmjs-types/cosmos/bank/v1beta1/query";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { moduleAddress } from "../../chain/address";
import { memoryContext } from "../../chain/testing";
import { createModule } from "./index";

const alice = "akash1rqmjt0fc9g4s5sg6cw842qsg2yplz3ye3n0rea";
const bob = "akash13n2s6rg385vtxsfzd6ztm95nalm45fn92cg4gl";
const bankModule = createModule();
const send = bankModule.msgs[0];
const query = (method: string) => bankModule.queries.find((h) => h.path === `/cosmos.bank.v1beta1.Query/${method}`)!;

describe("modules/bank", () => {
  const setup = () =>
    memoryContext({ balances: [{ address: alice, coins: [{ denom: "uakt", amount: "1000" }, { denom: "uact", amount: "500" }] }] });

  it("MsgSend refuses uact (send disabled), module accounts and bad amounts with x/bank's errors", () => {
    const ctx = setup();
    const msg = (to: string, denom: string, amount = "1") => MsgSend.fromPartial({ fromAddress: alice, toAddress: to, amount: [{ denom, amount }] });
    expect(() => ctx.exec(send, msg(bob, "uact"))).to.throw("uact transfers are currently disabled: send transactions are disabled");
    expect(() => ctx.exec(send, msg(moduleAddress("escrow"), "uakt"))).to.throw(`${moduleAddress("escrow")} is not allowed to receive funds: unauthorized`);
    expect(() => ctx.exec(send, msg(bob, "uakt", "0"))).to.throw("0uakt: invalid coins");
    expect(() => ctx.exec(send, msg("akash1bad", "uakt"))).to.throw(/^invalid to address/);
    ctx.exec(send, msg(bob, "uakt", "10"));
    expect(ctx.bank.balances(bob)).to.deep.equal([{ denom: "uakt", amount: "10" }]);
  });

  it("answers balance and supply queries, paginated", () => {
    const ctx = setup();
    const all = query("AllBalances").handle(ctx, q.QueryAllBalancesRequest.fromPartial({ address: alice, pagination: { limit: 1n } }));
    expect(all.balances).to.deep.equal([{ denom: "uact", amount: "500" }]);
    expect(all.pagination.nextKey.length).to.be.greaterThan(0);
    expect(query("Balance").handle(ctx, { address: bob, denom: "uakt" }).balance).to.deep.equal({ denom: "uakt", amount: "0" });
    expect(query("SupplyOf").handle(ctx, { denom: "uakt" }).amount).to.deep.equal({ denom: "uakt", amount: "1000" });
    expect(() => query("Balance").handle(ctx, { address: "", denom: "uakt" })).to.throw(/rpc error: code = InvalidArgument/);
    expect(query("DenomMetadata").handle(ctx, { denom: "uact" }).metadata.symbol).to.equal("ACT");
  });

  it("keeps the supply in step with mint and burn", () => {
    const ctx = setup();
    ctx.bank.mint("bme", [{ denom: "uact", amount: "7" }]);
    ctx.bank.burn("bme", [{ denom: "uact", amount: "2" }]);
    expect(query("SupplyOf").handle(ctx, { denom: "uact" }).amount.amount).to.equal("505");
    expect(ctx.bank.balance(moduleAddress("bme"), "uact")).to.equal(5n);
  });
});
