/**
 * A devnet restarted on its data dir: the simulated providers come back with the same gateway address
 * and certificate (a new port, updated on chain, only when the old one is taken) and bring back the
 * services of leases that are still active on chain.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as net from "node:net";
import * as path from "node:path";
import { JwtTokenManager } from "@akashnetwork/chain-sdk";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import type { Devnet } from "../../devnet/src/index";
import { defaultProviderConfigs, type ProvidersHandle } from "../../devnet/src/providers";
import { gatewayRequest } from "../../devnet/src/providers/test-client";
import { fundedWallet, startTestDevnet, type FundedWallet } from "../../devnet/src/testing";
import { compileSdl } from "../../provider/src/sdl";
import { connect } from "./market-support";
import { createDeploymentMsg, sdl, waitFor } from "./providers-support";

const SDL = sdl({ attributes: "        region: us-east" });

describe("devnet simulated providers across a devnet restart (integration)", function () {
  this.timeout(120_000);
  const configs = defaultProviderConfigs().filter((c) => c.name === "sim-us-east");
  let dataDir: string;
  const running: Devnet[] = [];

  async function start(): Promise<{ devnet: Devnet; providers: ProvidersHandle }> {
    const devnet = await startTestDevnet({ dataDir, providers: configs, providerTiming: { startupDelayMs: 0, pollMs: 200 } });
    running.push(devnet);
    return { devnet, providers: devnet.providers! };
  }

  async function stop(): Promise<void> {
    for (const devnet of running.splice(0)) await devnet.stop();
  }

  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "providers-restart-"));
  });
  after(async () => {
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function certificates(rpcUrl: string, owner: string): Promise<string[]> {
    const chain = await connect(rpcUrl);
    try {
      const res = await chain.query("/akash.cert.v1.Query/Certificates", v1.QueryCertificatesRequest, v1.QueryCertificatesResponse, { filter: { owner, state: "" } });
      return res.certificates.map((c) => c.serial);
    } finally {
      chain.disconnect();
    }
  }

  it("keeps serving a deployed lease after the restart, at the same host URI with the same certificate", async () => {
    const first = await start();
    const [provider] = first.providers.providers;
    const chain = await connect(first.devnet.rpcUrl);
    const tenant: FundedWallet = await fundedWallet(first.devnet);
    const compiled = compileSdl(SDL);
    const dseq = 7;
    await chain.expectOk(tenant, [createDeploymentMsg(tenant.address, dseq, compiled)]);
    await waitFor("a bid", async () => {
      const res = await chain.query("/akash.market.v1beta5.Query/Bids", v1beta5.QueryBidsRequest, v1beta5.QueryBidsResponse, { filters: { owner: tenant.address, dseq, state: "open" } });
      return res.bids.length > 0 ? true : undefined;
    });
    await chain.expectOk(tenant, [
      { typeUrl: `/${v1beta5.MsgCreateLease.$type}`, value: v1beta5.MsgCreateLease.fromPartial({ bidId: { owner: tenant.address, dseq, gseq: 1, oseq: 1, provider: provider.address, bseq: 0 } }) },
    ]);
    const jwt = new JwtTokenManager(await Secp256k1HdWallet.fromMnemonic(tenant.mnemonic, { prefix: "akash" }));
    const token = () => jwt.generateToken({ version: "v1", iss: tenant.address });
    expect((await gatewayRequest(provider.hostUri, "PUT", `/deployment/${dseq}/manifest`, { token: await token(), body: compiled.manifestJson })).status).to.equal(200);
    const serials = await certificates(first.devnet.rpcUrl, provider.address);
    chain.disconnect();
    tenant.client.disconnect();
    await stop();

    const second = await start();
    const [again] = second.providers.providers;
    expect(again.address).to.equal(provider.address);
    expect(again.hostUri).to.equal(provider.hostUri);
    const after = await certificates(second.devnet.rpcUrl, again.address);
    expect(after).to.have.length(1, "no new certificate");
    expect(after).to.deep.equal(serials);
    const chain2 = await connect(second.devnet.rpcUrl);
    try {
      const onChain = await chain2.query("/akash.provider.v1beta4.Query/Provider", v1beta4.QueryProviderRequest, v1beta4.QueryProviderResponse, { owner: again.address });
      expect(onChain.provider!.hostUri).to.equal(again.hostUri);
      const status = await waitFor("the restored lease status", async () => {
        const reply = await gatewayRequest(again.hostUri, "GET", `/lease/${dseq}/1/1/status`, { token: await token() });
        return reply.status === 200 ? JSON.parse(reply.body) : undefined;
      });
      const [uri] = status.services.web.uris as string[];
      expect(await (await fetch(`http://${uri}/`)).text()).to.contain("nginx:1.25");
    } finally {
      chain2.disconnect();
    }
  });

  it("moves to a new gateway port when the saved one is taken, and updates the provider on chain", async () => {
    await stop();
    const { gatewayPort: port } = JSON.parse(fs.readFileSync(path.join(dataDir, "providers", "sim-us-east.identity.json"), "utf8")) as { gatewayPort: number };
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    try {
      const { devnet, providers } = await start();
      const [moved] = providers.providers;
      expect(moved.hostUri).to.not.equal(`https://127.0.0.1:${port}`);
      const chain = await connect(devnet.rpcUrl);
      try {
        const onChain = await chain.query("/akash.provider.v1beta4.Query/Provider", v1beta4.QueryProviderRequest, v1beta4.QueryProviderResponse, { owner: moved.address });
        expect(onChain.provider!.hostUri).to.equal(moved.hostUri);
      } finally {
        chain.disconnect();
      }
      expect(await certificates(devnet.rpcUrl, moved.address)).to.have.length(1, "the certificate is kept");
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
