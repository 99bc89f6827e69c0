import { expect } from "chai";
import { compileSdl } from "../../provider/src/sdl";
import { queryBalance } from "../../provider/src/chain/bank/queries";
import { estimateBlockTime, latestBlock } from "../../provider/src/chain/blocks";
import { msgCloseDeployment, msgCreateDeployment } from "../../provider/src/chain/deployment/messages";
import { queryDeployment, queryDeploymentParams } from "../../provider/src/chain/deployment/queries";
import { ChainTxError } from "../../provider/src/chain/errors";
import { msgDepositDeployment } from "../../provider/src/chain/escrow/messages";
import { escrowRunway } from "../../provider/src/chain/escrow/runway";
import { queryBids, queryLeases } from "../../provider/src/chain/market/queries";
import { queryAuditedAttributes, queryProvider } from "../../provider/src/chain/provider/queries";
import { oneServiceSdl, useClientDevnet } from "./helpers";

const SDL = oneServiceSdl({ image: "busybox:1.36", port: 8080, cpu: 0.1, memory: "128Mi", storage: "512Mi", placement: "west", price: 1000 });

describe("client queries and deployment messages against the devnet", function () {
  this.timeout(60_000);
  const ctx = useClientDevnet();

  it("creates, funds, reads and closes a deployment; a duplicate in the same batch fails alone", async () => {
    const { conn, queue, signer } = ctx.account;
    const owner = signer.address;
    const compiled = compileSdl(SDL);
    const dseq = String((await latestBlock(conn)).height);
    const create = (d: string) => msgCreateDeployment({ owner, dseq: d, groups: compiled.groups, hash: compiled.version, deposit: { denom: "uact", amount: "500000" } });

    await queue.submit([create(dseq)]);
    // a second create with the same dseq is rejected by the chain; the other deployment in the batch goes through
    const other = String(Number(dseq) + 1_000_000);
    const settled = await Promise.allSettled([queue.submit([create(dseq)]), queue.submit([create(other)])]);
    expect(settled.map((s) => s.status)).to.deep.equal(["rejected", "fulfilled"]);
    const dup = (settled[0] as PromiseRejectedResult).reason as ChainTxError;
    expect(dup).to.be.instanceOf(ChainTxError).and.include({ codespace: "deployment", code: 3 });

    const deployment = await queryDeployment(conn, owner, dseq);
    expect(deployment!.deployment!.hash).to.deep.equal(compiled.version);
    expect(deployment!.groups.map((g) => g.groupSpec!.name)).to.deep.equal(["west"]);
    expect(deployment!.escrowAccount!.id!.xid).to.equal(`${owner}/${dseq}`);
    expect(await queryDeployment(conn, owner, "987654321")).to.equal(undefined);

    const balanceBefore = BigInt(await queryBalance(conn, owner, "uact"));
    await queue.submit([msgDepositDeployment({ signer: owner, deployment: { owner, dseq }, amount: { denom: "uact", amount: "250000" } })]);
    expect(BigInt(await queryBalance(conn, owner, "uact"))).to.equal(balanceBefore - 250000n);
    const funded = (await queryDeployment(conn, owner, dseq))!.escrowAccount!.state!;
    const head = await latestBlock(conn);
    const runway = escrowRunway({ funds: funded.funds, settledAt: Number(funded.settledAt.toString()), rates: [], height: head.height, now: head.time, blockTimeSeconds: 6 });
    expect(runway).to.deep.include({ denom: "uact", balance: "750000", ratePerBlock: "0" });
    expect(runway.runwayBlocks).to.equal(undefined); // nothing leased yet: no payout

    expect(await queryBids(conn, { owner, dseq })).to.deep.equal([]);
    expect(await queryLeases(conn, { owner, dseq })).to.deep.equal([]);

    await queue.submit([msgCloseDeployment({ owner, dseq }), msgCloseDeployment({ owner, dseq: other })]);
    expect((await queryDeployment(conn, owner, dseq))!.deployment!.state).to.equal(2);
    // the remaining deposit went back to the owner
    expect(BigInt(await queryBalance(conn, owner, "uact"))).to.equal(balanceBefore - 250000n + 750000n + 500000n);
  });

  it("reads params, providers, audits and the block time", async () => {
    const { conn, signer } = ctx.account;
    const params = await queryDeploymentParams(conn);
    expect(params.minDeposits.map((c) => c.denom)).to.include("uact");
    expect(await queryProvider(conn, signer.address)).to.equal(undefined);
    expect(await queryAuditedAttributes(conn, signer.address)).to.deep.equal([]);
    const blockTime = await estimateBlockTime(conn, 10);
    expect(blockTime).to.be.greaterThan(0).and.lessThan(2); // 100 ms devnet blocks
  });
});
