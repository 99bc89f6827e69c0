import { expect } from "chai";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { createModule as bank } from "../modules/bank";
import { memoryContext } from "./testing";

const alice = "akash1rqmjt0fc9g4s5sg6cw842qsg2yplz3ye3n0rea";
const bob = "akash13n2s6rg385vtxsfzd6ztm95nalm45fn92cg4gl";

describe("chain/testing memoryContext", () => {
  it("runs handlers with genesis balances, keeps successful writes and drops failed ones", () => {
    const ctx = memoryContext({ balances: [{ address: alice, coins: [{ denom: "uakt", amount: "100" }] }] });
    const send = bank().msgs.find((m) => m.typeUrl === MsgSend.typeUrl)!;
    ctx.exec(send, MsgSend.fromPartial({ fromAddress: alice, toAddress: bob, amount: [{ denom: "uakt", amount: "40" }] }));
    expect(ctx.bank.balance(bob, "uakt")).to.equal(40n);
    expect(ctx.lastGasUsed).to.be.greaterThan(0);
    expect(() => ctx.exec(send, MsgSend.fromPartial({ fromAddress: alice, toAddress: bob, amount: [{ denom: "uakt", amount: "61" }] }))).to.throw(
      "spendable balance 60uakt is smaller than 61uakt: insufficient funds",
    );
    expect(ctx.bank.balance(alice, "uakt")).to.equal(60n);
    expect(ctx.events.list.map((e) => e.type)).to.include("transfer");
  });

  it("moves the block clock", () => {
    const ctx = memoryContext({ height: 10, time: new Date("2026-01-01T00:00:00Z") });
    ctx.advance(2);
    expect(ctx.block.height).to.equal(12);
    expect(ctx.block.time.toISOString()).to.equal("2026-01-01T00:00:12.000Z");
  });
});
