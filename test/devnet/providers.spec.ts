/**
 * Simulated providers against a real devnet, driven like a tenant would: cosmjs transactions and plain
 * HTTPS to the provider gateways (JWTs from chain-sdk's JwtTokenManager).
 */
import { expect } from "chai";
import { JwtTokenManager } from "@akashnetwork/chain-sdk";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import type { Devnet } from "../../devnet/src/index";
import type { ProviderHandle, ProvidersHandle } from "../../devnet/src/providers";
import { gatewayRequest } from "../../devnet/src/providers/test-client";
import { fundedWallet, startTestDevnet, type FundedWallet } from "../../devnet/src/testing";
import { compileSdl } from "../../provider/src/sdl";
import { connect, type ChainAccess } from "./market-support";
import { createDeploymentMsg, sdl, sleep, waitFor } from "./providers-support";

const TIMING = { bidTimeoutMs: 4000, manifestTimeoutMs: 4000, withdrawPeriodMs: 1000, startupDelayMs: 150, pollMs: 200 };
const LEASE_CLOSED_REASON_MANIFEST_TIMEOUT = 10003;

describe("devnet simulated providers (integration)", function () {
  this.timeout(120_000);
  let devnet: Devnet;
  let providers: ProvidersHandle;
  let chain: ChainAccess;
  let tenant: FundedWallet;
  let jwt: JwtTokenManager;
  let nextDseq = 100;
  const byName = (name: string) => providers.providers.find((p) => p.name === name)!;

  before(async () => {
    devnet = await startTestDevnet({ providerTiming: TIMING });
    providers = devnet.providers!;
    chain = await connect(devnet.rpcUrl);
    tenant = await fundedWallet(devnet);
    jwt = new JwtTokenManager(await Secp256k1HdWallet.fromMnemonic(tenant.mnemonic, { prefix: "akash" }));
  });

  after(async () => {
    chain?.disconnect();
    await devnet?.stop();
  });

  const token = (scope: Array<"send-manifest" | "status" | "get-manifest"> = ["send-manifest", "status", "get-manifest"]) =>
    jwt.generateToken({ version: "v1", iss: tenant.address, leases: { access: "scoped", scope } });

  async function createDeployment(text: string, owner: FundedWallet = tenant): Promise<{ dseq: number; compiled: ReturnType<typeof compileSdl> }> {
    const compiled = compileSdl(text, { file: "providers.spec SDL" });
    const dseq = nextDseq++;
    await chain.expectOk(owner, [createDeploymentMsg(owner.address, dseq, compiled)]);
    return { dseq, compiled };
  }

  async function openBids(dseq: number, owner = tenant.address): Promise<v1beta5.Bid[]> {
    const res = await chain.query("/akash.market.v1beta5.Query/Bids", v1beta5.QueryBidsRequest, v1beta5.QueryBidsResponse, { filters: { owner, dseq, state: "open" } });
    return res.bids.map((b) => b.bid!);
  }

  /** Everyone who bid on the order, whatever became of the bid since (a bid timeout may have closed it). */
  async function bidders(dseq: number): Promise<string[]> {
    const res = await chain.query("/akash.market.v1beta5.Query/Bids", v1beta5.QueryBidsRequest, v1beta5.QueryBidsResponse, { filters: { owner: tenant.address, dseq } });
    return res.bids.map((b) => providers.providers.find((p) => p.address === b.bid!.id!.provider)?.name ?? b.bid!.id!.provider).sort();
  }

  async function lease(dseq: number, provider: ProviderHandle): Promise<void> {
    await waitFor("the provider's bid", async () => ((await openBids(dseq)).some((b) => b.id!.provider === provider.address) ? true : undefined));
    await chain.expectOk(tenant, [
      { typeUrl: `/${v1beta5.MsgCreateLease.$type}`, value: v1beta5.MsgCreateLease.fromPartial({ bidId: { owner: tenant.address, dseq, gseq: 1, oseq: 1, provider: provider.address, bseq: 0 } }) },
    ]);
  }

  async function leaseState(dseq: number, provider: ProviderHandle): Promise<v1.Lease> {
    const res = await chain.query("/akash.market.v1beta5.Query/Lease", v1beta5.QueryLeaseRequest, v1beta5.QueryLeaseResponse, {
      id: { owner: tenant.address, dseq, gseq: 1, oseq: 1, provider: provider.address, bseq: 0 },
    });
    return res.lease!;
  }

  async function putManifest(provider: ProviderHandle, dseq: number, body: string, bearer?: string) {
    return gatewayRequest(provider.hostUri, "PUT", `/deployment/${dseq}/manifest`, { token: bearer ?? (await token()), body });
  }

  it("registers every provider on chain with its gateway URI and signed attributes for the audited ones", async () => {
    for (const p of providers.providers) {
      expect(p.hostUri).to.match(/^https:\/\/127\.0\.0\.1:\d+$/);
      const res = await chain.query("/akash.provider.v1beta4.Query/Provider", v1beta4.QueryProviderRequest, v1beta4.QueryProviderResponse, { owner: p.address });
      expect(res.provider!.hostUri).to.equal(p.hostUri);
      const reply = await gatewayRequest(p.hostUri, "GET", "/address");
      expect(JSON.parse(reply.body)).to.deep.equal({ address: p.address });
    }
    const audited = await chain.query("/akash.audit.v1.Query/AuditorAttributes", v1.QueryAuditorAttributesRequest, v1.QueryProvidersResponse, { auditor: devnet.auditorAddress });
    expect(audited.providers.map((p) => p.owner).sort()).to.deep.equal([byName("sim-us-west").address, byName("sim-eu-central-gpu").address].sort());
  });

  it("bids only from the providers matching placement, signedBy, GPU model and price cap", async () => {
    const cases = [];
    for (const text of [
      sdl({ attributes: "        region: eu-central" }),
      sdl({ signedBy: devnet.auditorAddress }),
      sdl({ gpu: "rtx4090", price: 100000 }),
      // Bids are priced per mainnet block and rescaled to the 100 ms blocks: us-east ~0.084, us-west ~0.14 uact.
      sdl({ price: 0.1 }),
    ]) {
      cases.push(await createDeployment(text)); // one signer: one tx at a time
    }
    const expected = [["sim-eu-central-gpu"], ["sim-eu-central-gpu", "sim-us-west"], ["sim-eu-central-gpu"], ["sim-us-east"]];
    for (const [i, { dseq }] of cases.entries()) {
      await waitFor(`bids on case ${i}`, async () => ((await bidders(dseq)).length >= expected[i].length ? true : undefined));
    }
    await sleep(1000); // a few more blocks: nobody else bids
    for (const [i, { dseq }] of cases.entries()) expect(await bidders(dseq)).to.deep.equal(expected[i], `case ${i}`);
    const res = await chain.query("/akash.market.v1beta5.Query/Bids", v1beta5.QueryBidsRequest, v1beta5.QueryBidsResponse, { filters: { owner: tenant.address, dseq: cases[3].dseq } });
    const bid = res.bids[0].bid!;
    expect(bid.price!.denom).to.equal("uact");
    expect(Number(bid.price!.amount)).to.be.greaterThan(0).and.at.most(0.1);
  });

  it("runs the tenant flow: lease, manifest with a JWT, roll-out, URI, update, close", async () => {
    const east = byName("sim-us-east");
    const { dseq, compiled } = await createDeployment(sdl({ attributes: "        region: us-east", count: 2 }));
    await lease(dseq, east);
    // the refusal paths first
    expect(await gatewayRequest(east.hostUri, "PUT", `/deployment/${dseq}/manifest`, { body: compiled.manifestJson })).to.deep.include({
      status: 401,
      body: '{"message":"unauthorized access"}',
    });
    const other = compileSdl(sdl({ image: "nginx:1.99" }));
    expect(await putManifest(east, dseq, other.manifestJson)).to.deep.include({ status: 422, body: "manifest version validation failed\n" });
    // the manifest goes through
    expect((await putManifest(east, dseq, compiled.manifestJson)).status).to.equal(200);
    const statusPath = `/lease/${dseq}/1/1/status`;
    const ready = await waitFor("both replicas ready", async () => {
      const reply = await gatewayRequest(east.hostUri, "GET", statusPath, { token: await token() });
      const status = JSON.parse(reply.body);
      return status.services.web.ready_replicas === 2 ? status : undefined;
    });
    expect(ready.services.web).to.deep.include({ name: "web", available: 2, total: 2, replicas: 2, available_replicas: 2, observed_generation: 1 });
    const [uri] = ready.services.web.uris as string[];
    expect(uri).to.match(/^127\.0\.0\.1:\d+$/);
    const served = await (await fetch(`http://${uri}/`)).text();
    expect(served).to.contain("nginx:1.25").and.contain(`/${dseq}/1/1`);
    const service = await gatewayRequest(east.hostUri, "GET", `/lease/${dseq}/1/1/service/web/status`, { token: await token() });
    expect(JSON.parse(service.body)).to.deep.include({ name: "web", ready_replicas: 2, uris: [uri] });
    const manifest = await gatewayRequest(east.hostUri, "GET", `/lease/${dseq}/1/1/manifest`, { token: await token() });
    expect(JSON.parse(manifest.body)[0].services[0].image).to.equal("nginx:1.25");

    // update the image: new hash on chain, re-send, new generation serves the new image
    const updated = compileSdl(sdl({ attributes: "        region: us-east", count: 2, image: "nginx:1.27" }));
    await chain.expectOk(tenant, [
      { typeUrl: `/${v1beta4.MsgUpdateDeployment.$type}`, value: v1beta4.MsgUpdateDeployment.fromPartial({ id: { owner: tenant.address, dseq }, hash: updated.version }) },
    ]);
    expect(await putManifest(east, dseq, compiled.manifestJson)).to.deep.include({ status: 422, body: "manifest version validation failed\n" });
    expect((await putManifest(east, dseq, updated.manifestJson)).status).to.equal(200);
    await waitFor("the new image to be served", async () => ((await (await fetch(`http://${uri}/`)).text()).includes("nginx:1.27") ? true : undefined));
    const after = JSON.parse((await gatewayRequest(east.hostUri, "GET", statusPath, { token: await token() })).body);
    expect(after.services.web.observed_generation).to.equal(2);

    // close: the provider sees the lease closed on chain and stops the service
    await chain.expectOk(tenant, [{ typeUrl: `/${v1beta4.MsgCloseDeployment.$type}`, value: v1beta4.MsgCloseDeployment.fromPartial({ id: { owner: tenant.address, dseq } }) }]);
    await waitFor("the service to stop", async () => ((await fetch(`http://${uri}/`).then(() => false, () => true)) ? true : undefined));
    expect((await gatewayRequest(east.hostUri, "GET", statusPath, { token: await token() })).status).to.equal(404);
  });

  it("refuses expired tokens, other tenants and requests without a lease", async () => {
    const west = byName("sim-us-west");
    const shortLived = await jwt.generateToken({ version: "v1", iss: tenant.address, exp: Math.floor(Date.now() / 1000) + 1 });
    const expiresAtMs = (Math.floor(Date.now() / 1000) + 1) * 1000;
    const { dseq, compiled } = await createDeployment(sdl({ attributes: "        region: us-west" }));
    await lease(dseq, west);
    await sleep(Math.max(0, expiresAtMs - Date.now() + 100));
    // refused by auth, this does not count as a manifest submission: the manifest timeout keeps running
    expect(await putManifest(west, dseq, compiled.manifestJson, shortLived)).to.deep.include({ status: 400, body: '{"message":"JWT has invalid claims"}' });
    // the owner, on a provider that has no lease of this deployment
    expect(await putManifest(byName("sim-us-east"), dseq, compiled.manifestJson)).to.deep.include({ status: 404, body: "no lease for deployment\n" });
    expect((await putManifest(west, dseq, compiled.manifestJson)).status).to.equal(200);
    // another tenant, known on chain: its JWT is valid but it owns no such deployment or lease
    const stranger = await fundedWallet(devnet);
    await createDeployment(sdl({ attributes: "        region: mars" }), stranger);
    const strangerJwt = await new JwtTokenManager(await Secp256k1HdWallet.fromMnemonic(stranger.mnemonic, { prefix: "akash" })).generateToken({ version: "v1", iss: stranger.address });
    expect((await gatewayRequest(west.hostUri, "GET", `/lease/${dseq}/1/1/status`, { token: strangerJwt })).status).to.equal(404);
    // the provider looks up the issuer's deployment, which does not exist: the query error comes back as a 500
    const strangerPut = await putManifest(west, dseq, compiled.manifestJson, strangerJwt);
    expect(strangerPut.status).to.equal(500);
    expect(strangerPut.body).to.match(/not found/i);
    expect((await gatewayRequest(west.hostUri, "GET", `/lease/${dseq}/1/1/status`, { token: await token() })).status).to.equal(200);
  });

  it("closes a lease that gets no manifest within the manifest timeout", async () => {
    const west = byName("sim-us-west");
    const { dseq } = await createDeployment(sdl({ attributes: "        region: us-west" }));
    await lease(dseq, west);
    const closed = await waitFor("the manifest timeout", async () => {
      const l = await leaseState(dseq, west);
      return l.state === 3 ? l : undefined;
    });
    expect(closed.reason).to.equal(LEASE_CLOSED_REASON_MANIFEST_TIMEOUT);
  });

  it("withdraws an unaccepted bid after the bid timeout", async () => {
    const { dseq } = await createDeployment(sdl({ attributes: "        region: us-east" }));
    await waitFor("a bid", async () => ((await openBids(dseq)).length > 0 ? true : undefined));
    await waitFor("the bid timeout", async () => ((await openBids(dseq)).length === 0 ? true : undefined));
    const all = await chain.query("/akash.market.v1beta5.Query/Bids", v1beta5.QueryBidsRequest, v1beta5.QueryBidsResponse, { filters: { owner: tenant.address, dseq } });
    expect(all.bids.map((b) => b.bid!.state)).to.deep.equal([4]); // closed
  });

  it("withdraws lease earnings periodically", async () => {
    const west = byName("sim-us-west");
    const { dseq, compiled } = await createDeployment(sdl({ attributes: "        region: us-west" }));
    await lease(dseq, west);
    expect((await putManifest(west, dseq, compiled.manifestJson)).status).to.equal(200);
    await waitFor("a withdrawal", async () => {
      const res = await chain.query("/akash.market.v1beta5.Query/Lease", v1beta5.QueryLeaseRequest, v1beta5.QueryLeaseResponse, {
        id: { owner: tenant.address, dseq, gseq: 1, oseq: 1, provider: west.address, bseq: 0 },
      });
      return Number(res.escrowPayment?.state?.withdrawn?.amount ?? "0") > 0 ? true : undefined;
    });
  });

  it("injects faults: no bids, offline gateway, 5xx, lease closed by the provider", async () => {
    const east = byName("sim-us-east");
    east.faults.noBids(true);
    const quiet = await createDeployment(sdl({ attributes: "        region: us-east" }));
    await sleep(1500);
    expect(await bidders(quiet.dseq)).to.deep.equal([]);
    east.faults.noBids(false);
    await waitFor("bids once the fault is off", async () => ((await bidders(quiet.dseq)).length > 0 ? true : undefined));

    east.faults.slowBidsMs(1500);
    const slow = await createDeployment(sdl({ attributes: "        region: us-east" }));
    await sleep(700);
    expect(await bidders(slow.dseq)).to.deep.equal([], "the bid is held back");
    await waitFor("the slow bid", async () => ((await bidders(slow.dseq)).length > 0 ? true : undefined));
    east.faults.slowBidsMs(0);

    east.faults.gateway5xx(true);
    expect((await gatewayRequest(east.hostUri, "GET", "/status")).status).to.equal(500);
    east.faults.gateway5xx(false);
    await east.faults.offline(true);
    expect(await gatewayRequest(east.hostUri, "GET", "/status").then(() => "answered", () => "refused")).to.equal("refused");
    await east.faults.offline(false);
    expect((await gatewayRequest(east.hostUri, "GET", "/status")).status).to.equal(200);

    await lease(quiet.dseq, east);
    expect((await putManifest(east, quiet.dseq, quiet.compiled.manifestJson)).status).to.equal(200);
    await waitFor("the provider to know the lease", async () => ((await gatewayRequest(east.hostUri, "GET", `/lease/${quiet.dseq}/1/1/status`, { token: await token() })).status === 200 ? true : undefined));
    await east.faults.closeLease(quiet.dseq, 1, 1);
    const l = await leaseState(quiet.dseq, east);
    expect(l.state).to.equal(3);
  });
});

describe("devnet simulated providers: losing bids (integration)", function () {
  this.timeout(60_000);
  let devnet: Devnet;
  let chain: ChainAccess;
  let tenant: FundedWallet;

  before(async () => {
    // no bid timeout: only the lost-lease path can withdraw the losers' bids
    devnet = await startTestDevnet({ providerTiming: { bidTimeoutMs: 0, pollMs: 200, startupDelayMs: 0 } });
    chain = await connect(devnet.rpcUrl);
    tenant = await fundedWallet(devnet);
  });

  after(async () => {
    chain?.disconnect();
    await devnet?.stop();
  });

  it("withdraws every losing bid once another provider gets the lease, so no bid deposit stays locked", async () => {
    const dseq = 1;
    await chain.expectOk(tenant, [createDeploymentMsg(tenant.address, dseq, compileSdl(sdl({ price: 100000 })))]);
    const bids = async () => {
      const res = await chain.query("/akash.market.v1beta5.Query/Bids", v1beta5.QueryBidsRequest, v1beta5.QueryBidsResponse, { filters: { owner: tenant.address, dseq } });
      return res.bids.map((b) => b.bid!);
    };
    const placed = await waitFor("three bids", async () => ((await bids()).length >= 3 ? await bids() : undefined));
    const winner = placed[0].id!.provider;
    await chain.expectOk(tenant, [
      { typeUrl: `/${v1beta5.MsgCreateLease.$type}`, value: v1beta5.MsgCreateLease.fromPartial({ bidId: { ...placed[0].id!, dseq } }) },
    ]);
    const settled = await waitFor("the losing bids withdrawn", async () => {
      const all = await bids();
      return all.every((b) => b.id!.provider === winner || b.state !== v1beta5.Bid_State.open) ? all : undefined;
    }, 5000);
    for (const bid of settled) {
      const expected = bid.id!.provider === winner ? [v1beta5.Bid_State.active] : [v1beta5.Bid_State.lost, v1beta5.Bid_State.closed];
      expect(expected).to.include(bid.state, bid.id!.provider);
    }
    const escrow = await chain.query("/akash.escrow.v1.Query/Accounts", v1.QueryAccountsRequest, v1.QueryAccountsResponse, { state: "open", xid: `bid/${tenant.address}/${dseq}/` });
    expect(escrow.accounts.map((a) => a.id!.xid)).to.deep.equal([`${tenant.address}/${dseq}/1/1/${winner}`]);
  });
});
