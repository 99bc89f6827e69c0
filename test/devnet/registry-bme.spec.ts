/**
 * BME acceptance: MsgMintACT through cosmjs against a test devnet (mint epoch every 10 blocks, AKT at
 * the devnet's fixed 1 USD): ACT arrives at the next epoch minus the 25 bps spread, a mint below the
 * 10 ACT minimum is canceled and refunded, and bad requests fail with the node's codes.
 */
import { expect } from "chai";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { Devnet } from "../../devnet/src";
import { QueryParamsResponseV21 } from "../../devnet/src/modules/bme/params-codec";
import { fundedWallet, type FundedWallet } from "../../devnet/src/testing";
import { fee, useTestDevnet, type ChainAccess } from "./market-support";

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

  const env = useTestDevnet();
  before(async () => {
    devnet = env.devnet();
    chain = env.chain();
    tenant = await fundedWallet(devnet, [{ denom: "uakt", amount: "100000000" }]);
  });

  it("serves Params and a healthy Status", async () => {
    const { params } = await chain.query("/akash.bme.v1.Query/Params", v1.QueryParamsRequest, v1.QueryParamsResponse, {});
    expect(params).to.deep.include({ mintSpreadBps: 25, settleSpreadBps: 0, circuitBreakerWarnThreshold: 9500, circuitBreakerHaltThreshold: 9000 });
    expect(params!.minEpochBlocks.toString()).to.equal("10");
    // v2.1 fields beyond the alpha.25 codec
    const v21 = await chain.query("/akash.bme.v1.Query/Params", v1.QueryParamsRequest, QueryParamsResponseV21, {});
    expect(v21.params).to.deep.include({ minMint: [{ denom: "uact", amount: "10000000" }], maxPendingAttempts: 3 });
    const rest = (await (await fetch(`${devnet.restUrl}/akash/bme/v1/params`)).json()) as { params: Record<string, unknown> };
    expect(rest.params).to.deep.include({ min_mint: [{ denom: "uact", amount: "10000000" }], min_epoch_blocks: "10" });
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
    // pending until the next mint epoch (which may be this very block, so the status is not asserted here)
    const recorded = await chain.query("/akash.bme.v1.Query/LedgerRecords", v1.QueryLedgerRecordsRequest, v1.QueryLedgerRecordsResponse, {
      filters: { source: tenant.address },
    });
    expect(recorded.records.map((r) => r.id!.height.toString())).to.deep.equal([String(out.height)]);

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
    const before = BigInt((await small.client.getBalance(small.address, "uakt")).amount);
    await chain.expectOk(small, [mint(small.address, "5000000")]);
    // the 5 AKT come back at the epoch (possibly already in the tx's own block): only the fee is spent
    await untilBlocks(devnet, 12, async () => {
      const balance = BigInt((await small.client.getBalance(small.address, "uakt")).amount);
      return balance === before - feeAmount ? true : undefined;
    });
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
