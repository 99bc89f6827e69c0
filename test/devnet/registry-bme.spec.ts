/**
 * BME acceptance: MsgMintACT through cosmjs against a test devnet (mint epoch every 10 blocks, AKT at
 * the devnet's fixed 1 USD): ACT arrives at the next epoch minus the 25 bps spread, a mint below the
 * 10 ACT minimum is canceled and refunded, and bad requests fail with the node's codes.
 */
import { expect } from "chai";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { Devnet } from "../../devnet/src";
import { fundedWallet, startTestDevnet, type FundedWallet } from "../../devnet/src/testing";
import { connect, fee, type ChainAccess } from "./market-support";

const mint = (owner: string, amount: string, denom = "uakt", to = owner) => ({
  typeUrl: `/${v1.MsgMintACT.$type}`,
  value: v1.MsgMintACT.fromPartial({ owner, to, coinsToBurn: { denom, amount } }),
});

/** Polls until `probe` returns a value (checked once per block, at most `blocks` blocks). */
async function untilBlocks<T>(devnet: Devnet, blocks: number, probe: () => Promise<T | undefined>): Promise<T> {
  const start = devnet.chain.height();
  for (let h = start; h <= start + blocks; h++) {
    const value = await probe();
    if (value !== undefined) return value;
    await devnet.chain.waitForHeight(h + 1);
  }
  throw new Error(`nothing after ${blocks} blocks`);
}

describe("devnet bme module (ACT mint)", function () {
  this.timeout(120_000);
  let devnet: Devnet;
  let chain: ChainAccess;
  let tenant: FundedWallet;
  const feeAmount = BigInt(fee().amount[0]!.amount);

  before(async () => {
    devnet = await startTestDevnet({ providers: false });
    chain = await connect(devnet.rpcUrl);
    tenant = await fundedWallet(devnet, [{ denom: "uakt", amount: "100000000" }]);
  });

  after(async () => {
    chain?.disconnect();
    await devnet?.stop();
  });

  it("serves Params and a healthy Status", async () => {
    const { params } = await chain.query("/akash.bme.v1.Query/Params", v1.QueryParamsRequest, v1.QueryParamsResponse, {});
    expect(params).to.deep.include({ mintSpreadBps: 25, settleSpreadBps: 0, circuitBreakerWarnThreshold: 9500, circuitBreakerHaltThreshold: 9000 });
    expect(params!.minEpochBlocks.toString()).to.equal("10");
    const status = await chain.query("/akash.bme.v1.Query/Status", v1.QueryStatusRequest, v1.QueryStatusResponse, {});
    expect(status).to.deep.include({ status: v1.MintStatus.mint_status_healthy, mintsAllowed: true, refundsAllowed: true });
  });

  it("mints ACT at the next epoch, minus the 25 bps spread", async () => {
    const before = BigInt((await tenant.client.getBalance(tenant.address, "uakt")).amount);
    const out = await chain.expectOk(tenant, [mint(tenant.address, "20000000")]);
    const response = v1.MsgMintACTResponse.decode(out.response!.msgResponses[0]!.value);
    expect(response.id).to.deep.include({ denom: "uakt", toDenom: "uact", source: tenant.address });
    expect(response.id!.height.toString()).to.equal(String(out.height));
    // the AKT leaves the account with the tx, before the epoch
    expect(BigInt((await tenant.client.getBalance(tenant.address, "uakt")).amount)).to.equal(before - 20000000n - feeAmount);
    const pending = await chain.query("/akash.bme.v1.Query/LedgerRecords", v1.QueryLedgerRecordsRequest, v1.QueryLedgerRecordsResponse, {
      filters: { source: tenant.address, status: "ledger_record_status_pending" },
    });
    expect(pending.records.map((r) => r.pendingRecord?.coinsToBurn)).to.deep.equal([{ denom: "uakt", amount: "20000000" }]);

    const act = await untilBlocks(devnet, 12, async () => {
      const balance = await tenant.client.getBalance(tenant.address, "uact");
      return balance.amount === "0" ? undefined : balance.amount;
    });
    expect(act).to.equal("19950000");
    const executed = await chain.query("/akash.bme.v1.Query/LedgerRecords", v1.QueryLedgerRecordsRequest, v1.QueryLedgerRecordsResponse, {
      filters: { source: tenant.address, status: "ledger_record_status_executed" },
    });
    expect(executed.records).to.have.length(1);
    expect(executed.records[0]!.executedRecord!.minted!.coin).to.deep.equal({ denom: "uact", amount: "20000000" });
  });

  it("cancels a mint below the 10 ACT minimum and refunds the AKT", async () => {
    const small = await fundedWallet(devnet, [{ denom: "uakt", amount: "100000000" }]);
    await chain.expectOk(small, [mint(small.address, "5000000")]);
    const afterTx = BigInt((await small.client.getBalance(small.address, "uakt")).amount);
    const refunded = await untilBlocks(devnet, 12, async () => {
      const balance = BigInt((await small.client.getBalance(small.address, "uakt")).amount);
      return balance > afterTx ? balance : undefined;
    });
    expect(refunded).to.equal(afterTx + 5000000n);
    expect((await small.client.getBalance(small.address, "uact")).amount).to.equal("0");
    const records = await chain.query("/akash.bme.v1.Query/LedgerRecords", v1.QueryLedgerRecordsRequest, v1.QueryLedgerRecordsResponse, {
      filters: { source: small.address },
    });
    // v2.1 status 3 = canceled (newer than the alpha.25 enum)
    expect(records.records.map((r) => r.status as number)).to.deep.equal([3]);
  });

  it("rejects bad mint requests with the node's codes", async () => {
    const other = await fundedWallet(devnet, [{ denom: "uakt", amount: "10000000" }]);
    expect(await chain.submit(tenant, [mint(tenant.address, "20000000", "uakt", other.address)])).to.deep.include({ codespace: "bme", code: 3 });
    expect(await chain.submit(tenant, [mint(tenant.address, "0")])).to.deep.include({ codespace: "bme", code: 8 });
    const route = await chain.submit(tenant, [mint(tenant.address, "1000000", "uact")]);
    expect(route).to.deep.include({ codespace: "bme", code: 9 });
    expect(route.log).to.contain("invalid swap route uact -> uact");
    expect(await chain.submit(other, [mint(other.address, "50000000")])).to.deep.include({ codespace: "sdk", code: 5 });
  });
});
