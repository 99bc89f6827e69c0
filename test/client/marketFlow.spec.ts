import { expect } from "chai";
import { compileSdl } from "../../provider/src/sdl";
import { latestBlock } from "../../provider/src/chain/blocks";
import { msgCloseDeployment, msgCreateDeployment } from "../../provider/src/chain/deployment/messages";
import { queryDeployment, queryDeploymentParams } from "../../provider/src/chain/deployment/queries";
import { msgDepositDeployment } from "../../provider/src/chain/escrow/messages";
import { escrowRunway } from "../../provider/src/chain/escrow/runway";
import { msgCreateLease } from "../../provider/src/chain/market/messages";
import { queryLeases, queryMarketParams } from "../../provider/src/chain/market/queries";
import { GatewayError } from "../../provider/src/gateway/https";
import { jwtSource } from "../../provider/src/gateway/jwt";
import { getLeaseStatus } from "../../provider/src/gateway/leaseStatus";
import { sendManifest } from "../../provider/src/gateway/manifest";
import { probeProviderStatus } from "../../provider/src/gateway/providerStatus";
import { awaitLeaseReady } from "../../provider/src/gateway/readiness";
import { fetchBids, fetchProviderInfo } from "../../provider/src/market/chainBids";
import { applyAuditorRequirement, parseBidPolicy } from "../../provider/src/market/policy";
import { selectBids } from "../../provider/src/market/selection";
import { waitForBids } from "../../provider/src/market/waitForBids";
import { oneServiceSdl, useClientDevnet } from "./helpers";

const SDL = oneServiceSdl({ image: "nginx:1.27", port: 80, cpu: 0.5, memory: "512Mi", storage: "1Gi", placement: "dcloud", price: 100000 });

describe("client market flow against the devnet (deployment -> bids -> policy -> lease -> manifest -> ready)", function () {
  this.timeout(90_000);
  const ctx = useClientDevnet({});

  it("leases from the audited provider the policy picks, delivers the manifest and waits for readiness", async () => {
    const { conn, queue, signer } = ctx.account;
    const owner = signer.address;
    const compiled = compileSdl(SDL);
    const policy = parseBidPolicy({ auditors: [ctx.devnet.auditorAddress], minBids: 2, bidWindow: "20s" });
    const groups = applyAuditorRequirement(compiled.groups, policy);
    const dseq = String((await latestBlock(conn)).height);

    const created = await queue.submit([
      msgCreateDeployment({ owner, dseq, groups, hash: compiled.version, deposit: { denom: "uact", amount: "5000000" } }),
    ]);
    expect(created.events.some((e) => e.type === "akash.deployment.v1.EventDeploymentCreated")).to.equal(true);

    const deployment = await queryDeployment(conn, owner, dseq);
    expect(deployment?.groups).to.have.length(1);
    expect(deployment!.groups[0].groupSpec!.requirements!.signedBy!.anyOf).to.deep.equal([ctx.devnet.auditorAddress]);
    expect(deployment!.escrowAccount!.state!.funds[0]).to.deep.include({ denom: "uact" });

    const progress: string[] = [];
    const waited = await waitForBids({
      fetchBids: () => fetchBids(conn, owner, dseq),
      gseqs: [1],
      minBids: policy.minBids,
      windowMs: policy.bidWindow,
      pollIntervalMs: 200,
      onProgress: (p) => progress.push(p.message),
    });
    expect(waited.bids.length).to.be.greaterThan(0);
    expect(progress.length).to.be.greaterThan(0);

    const providers = await fetchProviderInfo(
      conn,
      waited.bids.map((b) => b.provider),
      async (hostUri) => probeProviderStatus(hostUri, 3000),
    );
    const selection = selectBids({ groups: [{ gseq: 1, name: "dcloud" }], bids: waited.bids, providers, policy, blockTimeSeconds: 6.098 });
    expect(selection.ok, selection.problems.join("; ")).to.equal(true);
    const chosen = selection.groups[0].chosen!;
    // signedBy.anyOf on chain kept unaudited providers from bidding at all
    for (const b of waited.bids) expect(providers[b.provider].auditedBy, b.provider).to.include(ctx.devnet.auditorAddress);
    expect(selection.groups[0].reason).to.match(/^cheapest of \d+ eligible bid/);
    const cheapest = Math.min(...waited.bids.map((b) => Number(b.price.amount)));
    expect(Number(chosen.price.amount)).to.equal(cheapest);

    await queue.submit([msgCreateLease({ owner, dseq, gseq: 1, oseq: chosen.oseq, provider: chosen.provider })]);
    const leases = await queryLeases(conn, { owner, dseq });
    expect(leases).to.have.length(1);
    expect(leases[0].lease!.id!.provider).to.equal(chosen.provider);

    const hostUri = providers[chosen.provider].hostUri!;
    const token = jwtSource(signer, { ttlSeconds: 120 });
    // A manifest that does not match the on-chain hash is refused at once with the provider's message.
    const tampered = compiled.manifestJson.replace("nginx:1.27", "nginx:1.28");
    const refused = await sendManifest({ hostUri, dseq, manifestJson: tampered, auth: { kind: "jwt", token: await token() }, retryDelayMs: 200 }).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(GatewayError);
    expect((refused as GatewayError).status).to.be.within(400, 499);
    expect((refused as GatewayError).providerMessage).to.not.equal("");
    await sendManifest({ hostUri, dseq, manifestJson: compiled.manifestJson, auth: async () => ({ kind: "jwt", token: await token() }), retryDelayMs: 200 });
    const ready = await awaitLeaseReady({
      getStatus: async () => getLeaseStatus({ hostUri, lease: { dseq, gseq: 1, oseq: chosen.oseq }, auth: { kind: "jwt", token: await token() } }),
      expectedServices: ["app"],
      timeoutMs: 30_000,
      pollIntervalMs: 200,
    });
    expect(ready.status.services.app.availableReplicas).to.equal(1);

    // Escrow: top up, then estimate the runway from chain state.
    await queue.submit([msgDepositDeployment({ signer: owner, deployment: { owner, dseq }, amount: { denom: "uact", amount: "1000000" } })]);
    const after = await queryDeployment(conn, owner, dseq);
    const state = after!.escrowAccount!.state!;
    const head = await latestBlock(conn);
    const runway = escrowRunway({
      funds: state.funds,
      settledAt: Number(state.settledAt.toString()),
      rates: (await queryLeases(conn, { owner, dseq, state: "active" })).map((l) => l.escrowPayment!.state!.rate!),
      height: head.height,
      now: head.time,
      blockTimeSeconds: 6.098,
    });
    expect(runway.ratePerBlock).to.equal(chosen.price.amount);
    expect(Number(runway.balance)).to.be.greaterThan(5_000_000).and.lessThanOrEqual(6_000_000);
    expect(runway.runwayBlocks).to.be.greaterThan(0);

    // Params are readable (used for deposit minimums and bid limits).
    expect((await queryDeploymentParams(conn)).minDeposits.length).to.be.greaterThan(0);
    expect((await queryMarketParams(conn)).orderMaxBids).to.be.greaterThan(0);

    await queue.submit([msgCloseDeployment({ owner, dseq })]);
    const closed = await queryDeployment(conn, owner, dseq);
    expect(closed!.deployment!.state).to.equal(2); // closed
  });
});
