import { expect } from "chai";
import { fromInt, parseDec } from "../market-common/decimal";
import { deductFromBalance, settleFullBlocks } from "./settlement";
import type { Account, Payment } from "./types";

const OWNER = "akash1owner";
const PROVIDER = "akash1provider";

function account(deposits: Array<[string, bigint]>): Account {
  const total = deposits.reduce((s, [, a]) => s + a, 0n);
  return {
    id: { scope: "deployment", xid: `${OWNER}/1000` },
    owner: OWNER,
    state: "open",
    transferred: [{ denom: "uact", amount: 0n }],
    settledAt: 1000n,
    funds: [{ denom: "uact", amount: fromInt(total) }],
    deposits: deposits.map(([owner, amount]) => ({ owner, height: 1000n, source: "balance" as const, balance: { denom: "uact", amount: fromInt(amount) } })),
  };
}

function payment(rate: string): Payment {
  return {
    id: { aid: { scope: "deployment", xid: `${OWNER}/1000` }, xid: `1/1/${PROVIDER}` },
    owner: PROVIDER,
    state: "open",
    rate: { denom: "uact", amount: parseDec(rate) },
    balance: { denom: "uact", amount: 0n },
    unsettled: { denom: "uact", amount: 0n },
    withdrawn: { denom: "uact", amount: 0n },
  };
}

describe("escrow/settlement", () => {
  it("reproduces the research report's A.2 example (100.5 uact/block over 100 blocks)", () => {
    const acc = account([[OWNER, 5_000_000n]]);
    const p = payment("100.5");
    const od = settleFullBlocks(acc, [{ payment: p, prevState: "open" }], 100n);
    expect(od).to.equal(false);
    expect(p.balance.amount).to.equal(fromInt(10_050n));
    expect(acc.funds[0].amount).to.equal(fromInt(4_989_950n));
    expect(acc.transferred[0].amount).to.equal(fromInt(10_050n));
    expect(acc.deposits[0].balance.amount).to.equal(fromInt(4_989_950n));
  });

  it("truncates each settlement to whole units, losing the fraction for that period", () => {
    const acc = account([[OWNER, 1_000n]]);
    const p = payment("0.75");
    settleFullBlocks(acc, [{ payment: p, prevState: "open" }], 3n); // 2.25 -> 2
    settleFullBlocks(acc, [{ payment: p, prevState: "open" }], 3n);
    expect(p.balance.amount).to.equal(fromInt(4n));
    expect(acc.funds[0].amount).to.equal(fromInt(996n));
  });

  it("takes deposits first-in first-out and drops emptied depositors", () => {
    const acc = account([["akash1first", 100n], ["akash1second", 100n]]);
    const { settled, overdrawn } = deductFromBalance(acc, { denom: "uact", amount: fromInt(150n) });
    expect(settled).to.equal(fromInt(150n));
    expect(overdrawn).to.equal(false);
    expect(acc.deposits.map((d) => [d.owner, d.balance.amount])).to.deep.equal([["akash1second", fromInt(50n)]]);
  });

  it("overdraws: funds go negative, the payment carries the shortfall as unsettled", () => {
    const acc = account([[OWNER, 1_000n]]);
    const p = payment("300");
    const od = settleFullBlocks(acc, [{ payment: p, prevState: "open" }], 4n);
    expect(od).to.equal(true);
    expect(p.state).to.equal("overdrawn");
    expect(p.balance.amount).to.equal(fromInt(1_000n));
    expect(p.unsettled.amount).to.equal(fromInt(200n));
    expect(acc.funds[0].amount).to.equal(fromInt(-200n));
    expect(acc.deposits).to.have.length(0);
  });

  it("settles a previously overdrawn payment's debt instead of charging blocks", () => {
    const acc = account([[OWNER, 500n]]);
    const p = payment("300");
    p.state = "overdrawn";
    p.unsettled.amount = fromInt(200n);
    const od = settleFullBlocks(acc, [{ payment: p, prevState: "overdrawn" }], 0n);
    expect(od).to.equal(false);
    expect(p.state).to.equal("open");
    expect(p.unsettled.amount).to.equal(0n);
    expect(p.balance.amount).to.equal(fromInt(200n));
  });
});
