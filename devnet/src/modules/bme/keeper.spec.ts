import { expect } from "chai";
import { ChainError } from "../../chain/types";
import { testChain, type TestChain } from "../registry-kit/testing";
import { createModule } from "./index";
import { MintStatus, type BmeKeeper } from "./keeper";
import { LedgerStatus, type CanceledRecord, type ExecutedRecord } from "./ledger";

const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const mintUrl = "/akash.bme.v1.MsgMintACT";

function runTo(chain: TestChain, height: number) {
  while (chain.block.height < height) chain.nextBlock();
}

describe("bme keeper", () => {
  let chain: TestChain;
  let keeper: BmeKeeper;

  beforeEach(() => {
    const module = createModule();
    keeper = module.keeper as BmeKeeper;
    chain = testChain([module], { bme: { params: { minEpochBlocks: 3 }, aktPriceUsd: "1.0" } });
    chain.fund(owner, [{ denom: "uakt", amount: "100000000" }]);
  });

  it("starts halted and turns healthy at the first end block, scheduling the next mint epoch", () => {
    expect(keeper.status(chain.ctx).status).to.equal(MintStatus.haltCr);
    expect(() => chain.deliver(mintUrl, { owner, to: owner, coinsToBurn: { denom: "uakt", amount: "20000000" } })).to.throw(/circuit breaker is active/);
    chain.nextBlock();
    expect(keeper.status(chain.ctx)).to.deep.include({ status: MintStatus.healthy, previousStatus: MintStatus.haltCr });
  });

  it("moves the coins to the vault at once and mints minus the 25 bps spread at the next epoch", () => {
    chain.nextBlock(); // height 2: healthy, next mint epoch at 5
    chain.deliver(mintUrl, { owner, to: owner, coinsToBurn: { denom: "uakt", amount: "20000000" } });
    expect(chain.ctx.bank.balance(owner, "uakt")).to.equal(80000000n);
    expect(keeper.records(chain.ctx, LedgerStatus.pending)).to.have.length(1);
    runTo(chain, 4);
    expect(chain.ctx.bank.balance(owner, "uact")).to.equal(0n);
    runTo(chain, 5);
    expect(chain.ctx.bank.balance(owner, "uact")).to.equal(19950000n);
    const [[, executed]] = keeper.records<ExecutedRecord>(chain.ctx, LedgerStatus.executed);
    expect(executed!.spread).to.deep.equal({ denom: "uact", amount: "50000" });
    expect(executed!.minted!.coin).to.deep.equal({ denom: "uact", amount: "20000000" });
    expect(keeper.records(chain.ctx, LedgerStatus.pending)).to.have.length(0);
    const types = chain.events.list.map((e) => e.type);
    expect(types).to.include("akash.bme.v1.EventLedgerRecordExecuted");
  });

  it("applies the configured AKT price", () => {
    const module = createModule();
    const priced = testChain([module], { bme: { params: { minEpochBlocks: 2 }, aktPriceUsd: "1.5" } });
    priced.fund(owner, [{ denom: "uakt", amount: "100000000" }]);
    priced.nextBlock();
    priced.deliver(mintUrl, { owner, to: owner, coinsToBurn: { denom: "uakt", amount: "10000000" } });
    while (priced.ctx.bank.balance(owner, "uact") === 0n && priced.block.height < 10) priced.nextBlock();
    // 15 ACT minted, spread trunc(15000000 * 25 / 10000) = 37500
    expect(priced.ctx.bank.balance(owner, "uact")).to.equal(14962500n);
  });

  it("cancels a mint below the minimum and refunds the burned coins", () => {
    chain.nextBlock();
    chain.deliver(mintUrl, { owner, to: owner, coinsToBurn: { denom: "uakt", amount: "5000000" } });
    expect(chain.ctx.bank.balance(owner, "uakt")).to.equal(95000000n);
    runTo(chain, 5);
    expect(chain.ctx.bank.balance(owner, "uakt")).to.equal(100000000n);
    expect(chain.ctx.bank.balance(owner, "uact")).to.equal(0n);
    const [[, canceled]] = keeper.records<CanceledRecord>(chain.ctx, LedgerStatus.canceled);
    expect(canceled!.cancelReason).to.equal(6);
  });

  it("burns ACT back to AKT at the burn epoch, paying from remint credits", () => {
    chain.nextBlock();
    chain.deliver(mintUrl, { owner, to: owner, coinsToBurn: { denom: "uakt", amount: "20000000" } });
    runTo(chain, 5);
    chain.deliver("/akash.bme.v1.MsgBurnACT", { owner, to: owner, coinsToBurn: { denom: "uact", amount: "10000000" } });
    runTo(chain, 9);
    expect(chain.ctx.bank.balance(owner, "uact")).to.equal(9950000n);
    expect(chain.ctx.bank.balance(owner, "uakt")).to.equal(90000000n);
    expect(keeper.totals(chain.ctx).remintCredits).to.deep.equal([{ denom: "uakt", amount: "10000000" }]);
  });

  it("refuses a route other than uakt<->uact with the node's error", () => {
    chain.nextBlock();
    let caught: unknown;
    try {
      chain.deliver("/akash.bme.v1.MsgBurnMint", { owner, to: owner, coinsToBurn: { denom: "uakt", amount: "5" }, denomToMint: "uatom" });
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(ChainError);
    expect(caught).to.deep.include({ codespace: "bme", code: 9, message: "invalid swap route uakt -> uatom: invalid denomination" });
  });
});
