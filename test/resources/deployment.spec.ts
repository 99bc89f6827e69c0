// akash.Deployment end to end, driven as the engine drives it: Pulumi's own dynamic-provider plugin server over
// gRPC (test/harness), against the devnet with its simulated providers.
import { expect } from "chai";
import * as https from "node:http";
import { startTestDevnet, fundedWallet, type FundedWallet } from "../../devnet/src/testing";
import type { Devnet } from "../../devnet/src";
import { Deployment } from "../../sdk";
import { ChainConnection } from "../../provider/src/chain/connection";
import { queryLeases } from "../../provider/src/chain/market/queries";
import { sdl as providerSdl } from "../devnet/providers-support";
import { destroy, refresh, registerWithMocks, secret, startProviderServer, up, UNKNOWN, type ProviderServer, type ResourceState, makeUrn, CheckFailedError, plain } from "../harness";

const sdl = (image: string) => providerSdl({ image });

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https.get(`http://${url}`, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(body));
    }).on("error", reject);
  });
}

describe("akash.Deployment through the plugin server", function () {
  this.timeout(180_000);
  let devnet: Devnet;
  let server: ProviderServer;
  let wallet: FundedWallet;
  let mnemonic: string;
  let conn: ChainConnection;
  let provider: string;
  const urn = makeUrn("pulumi-nodejs:dynamic/akash:Deployment", "web");

  const inputs = (props: Record<string, unknown>) => ({ __provider: provider, ...props }) as any;

  before(async () => {
    devnet = await startTestDevnet();
    wallet = await fundedWallet(devnet);
    mnemonic = wallet.mnemonic;
    conn = await ChainConnection.connect({ endpoints: [devnet.rpcUrl], chainId: devnet.chainId });
    server = await startProviderServer();
    await server.configure({
      "akash:network": "devnet",
      "akash:rpcEndpoint": devnet.rpcUrl,
      "akash:chainId": devnet.chainId,
      "akash:auditor": devnet.auditorAddress,
      "akash:mnemonic": secret(mnemonic),
    });
    const { registrations } = await registerWithMocks(() => new Deployment("web", { sdl: sdl("nginx:1.25") }));
    provider = registrations[0].inputs.__provider as string;
  });

  after(async () => {
    await server?.stop();
    conn?.disconnect();
    wallet?.client.disconnect();
    await devnet?.stop();
  });

  it("previews with an unknown SDL and shows a price estimate for a known one", async () => {
    const planned = await up(server, urn, inputs({ sdl: sdl("nginx:1.25") }), undefined, { preview: true });
    expect(plain(planned.state.outputs.estimatedMaxMonthlyUsd as any)).to.be.a("number").greaterThan(0);
    // An unknown SDL passes check as it is: it stays unknown for apply, and no estimate is made up without it.
    const unknown = await up(server, urn, inputs({ sdl: UNKNOWN }), undefined, { preview: true });
    expect(unknown.state.outputs.sdl).to.equal(UNKNOWN);
    expect(unknown.state.outputs).to.not.have.property("estimatedMaxMonthlyUsd");
  });

  it("rejects a bad SDL in check, naming the path, before any transaction", async () => {
    const bad = sdl("nginx:1.25").replace("profile: web", "profile: nope");
    try {
      await up(server, urn, inputs({ sdl: bad, sdlPath: "deploy.yaml" }), undefined, { preview: true });
      expect.fail("check should fail");
    } catch (error) {
      expect(error).to.be.instanceOf(CheckFailedError);
      expect((error as Error).message).to.match(/deploy\.yaml:\d+:\d+ deployment\.web\.dcloud\.profile/);
    }
  });

  it("creates, answers on its URI, updates the image in place, and destroys with a refund", async () => {
    const created = await up(server, urn, inputs({ sdl: sdl("nginx:1.25"), deposit: 5, bidPolicy: { auditedOnly: false } }));
    const outs = plain(created.state.outputs as any) as any;
    expect(outs.dseq).to.match(/^\d+$/);
    expect(outs.leases).to.have.length(1);
    expect(outs.uris.web).to.have.length(1);
    expect(await get(outs.uris.web[0])).to.contain("nginx:1.25");
    expect(outs.selection[0].candidates.length).to.be.greaterThan(0);

    const updated = await up(server, urn, inputs({ sdl: sdl("nginx:1.26"), deposit: 5, bidPolicy: { auditedOnly: false } }), created.state);
    expect(updated.op).to.equal("update");
    const outs2 = plain(updated.state.outputs as any) as any;
    expect(outs2.dseq).to.equal(outs.dseq);
    expect(await get(outs2.uris.web[0])).to.contain("nginx:1.26");

    const replaced = await up(server, urn, inputs({ sdl: sdl("nginx:1.26").replace("count: 1", "count: 2"), deposit: 5, bidPolicy: { auditedOnly: false } }), updated.state, { preview: true });
    expect(replaced.op).to.equal("replace");

    const refreshed = await refresh(server, updated.state as ResourceState);
    expect(refreshed).to.not.equal(undefined);
    await destroy(server, updated.state);
    await server.flushLogs();
    expect(server.logText()).to.match(/closed; escrow refund [1-9][0-9.]* ACT/);
    expect(await refresh(server, updated.state)).to.equal(undefined);
    expect(await server.leakedInLogs([mnemonic])).to.deep.equal([]);
  });

  it("records a bidPolicy-only change in place: no tx, and the lease and its provider untouched", async () => {
    const args = { sdl: sdl("nginx:1.25"), deposit: 5, bidPolicy: { auditedOnly: false } };
    const created = await up(server, urn, inputs(args));
    const outs = plain(created.state.outputs as any) as any;
    const leasesOnChain = async () =>
      (await queryLeases(conn, { owner: wallet.address, dseq: outs.dseq })).map(({ lease }) => ({ id: lease!.id, state: lease!.state, createdAt: String(lease!.createdAt) }));
    const leasesBefore = await leasesOnChain();
    const sequence = async () => (await wallet.client.getAccount(wallet.address))!.sequence;
    const sequenceBefore = await sequence();
    // With the lease's provider offline, a manifest send or status poll would fail the update.
    const leaseProvider = devnet.providers!.providers.find((p) => p.address === outs.leases[0].provider)!;
    let state = created.state;
    try {
      await leaseProvider.faults.offline(true);
      const changed = await up(server, urn, inputs({ ...args, bidPolicy: { auditedOnly: false, maxPricePerMonthUsd: 1000, minBids: 3 } }), created.state);
      state = changed.state;
      expect(changed.op, "an update, not a replace").to.equal("update");
      expect(changed.state.id).to.equal(created.state.id);
      const changedOuts = plain(changed.state.outputs as any) as any;
      expect(changedOuts.bidPolicy).to.include({ maxPricePerMonthUsd: 1000, minBids: 3 });
      expect(changedOuts.leases).to.deep.equal(outs.leases);
      expect(await sequence(), "the wallet signed no tx").to.equal(sequenceBefore);
      expect(await leasesOnChain()).to.deep.equal(leasesBefore);
    } finally {
      await leaseProvider.faults.offline(false);
      await destroy(server, state);
    }
  });
});
