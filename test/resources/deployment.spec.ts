// akash.Deployment end to end, driven as the engine drives it: Pulumi's own dynamic-provider plugin server over
// gRPC (test/harness), against the devnet with its simulated providers.
import { expect } from "chai";
import * as https from "node:http";
import { startTestDevnet, fundedWallet } from "../../devnet/src/testing";
import type { Devnet } from "../../devnet/src";
import { Deployment } from "../../sdk";
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
  let mnemonic: string;
  let provider: string;
  const urn = makeUrn("pulumi-nodejs:dynamic/akash:Deployment", "web");

  const inputs = (props: Record<string, unknown>) => ({ __provider: provider, ...props }) as any;

  before(async () => {
    devnet = await startTestDevnet();
    const wallet = await fundedWallet(devnet);
    mnemonic = wallet.mnemonic;
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
    await devnet?.stop();
  });

  it("previews with an unknown SDL and shows a price estimate for a known one", async () => {
    const planned = await up(server, urn, inputs({ sdl: sdl("nginx:1.25") }), undefined, { preview: true });
    expect(plain(planned.state.outputs.estimatedMaxMonthlyUsd as any)).to.be.a("number").greaterThan(0);
    const unknown = await up(server, urn, inputs({ sdl: UNKNOWN }), undefined, { preview: true });
    expect(unknown.op).to.equal("create");
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
});
