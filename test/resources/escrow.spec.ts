// akash.Escrow through the real plugin against the devnet and its simulated providers: a deployment leased
// directly with the client library; the resource tops the escrow up only while its runway is below the minimum,
// honours maxTopUp, and drops out of the stack once the deployment is closed.
import { expect } from "chai";
import { Escrow } from "../../sdk";
import { compileSdl } from "../../provider/src/sdl";
import { latestBlock } from "../../provider/src/chain/blocks";
import { queryBalance } from "../../provider/src/chain/bank/queries";
import { msgCloseDeployment, msgCreateDeployment } from "../../provider/src/chain/deployment/messages";
import { msgCreateLease } from "../../provider/src/chain/market/messages";
import { queryBids } from "../../provider/src/chain/market/queries";
import { signingClient } from "../../provider/src/resources/chain-session";
import { resolveAkashConfig } from "../../provider/src/resources/config";
import type { AkashClient } from "../../provider/src/chain/client";
import { UNKNOWN, destroy, makeUrn, refresh, registerWithMocks, up, type PropertyMap } from "../harness";
import { oneServiceSdl, waitFor } from "../client/helpers";
import { out, useResourceDevnet, registeredInputs } from "./support";

const SDL = oneServiceSdl({ image: "nginx:1.27", port: 80, cpu: 0.5, memory: "512Mi", storage: "1Gi", placement: "dcloud", price: 1000 });

describe("akash.Escrow (plugin + devnet with providers)", function () {
  this.timeout(180_000);
  const ctx = useResourceDevnet({});
  let client: AkashClient;
  let dseq: string;

  before(async function () {
    this.timeout(120_000);
    const source = { "akash:network": "devnet", "akash:rpcEndpoint": ctx.devnet.rpcUrl, "akash:chainId": ctx.devnet.chainId, "akash:mnemonic": ctx.wallet.mnemonic };
    client = await signingClient(resolveAkashConfig({ get: (k) => source[k as keyof typeof source] }, {}));
    const owner = ctx.wallet.address;
    const compiled = compileSdl(SDL);
    dseq = String((await latestBlock(ctx.conn)).height);
    await client.queue.submit([msgCreateDeployment({ owner, dseq, groups: compiled.groups, hash: compiled.version, deposit: { denom: "uact", amount: "5000000" } })]);
    let bids: Awaited<ReturnType<typeof queryBids>> = [];
    await waitFor(async () => (bids = await queryBids(ctx.conn, { owner, dseq, state: "open" })).length > 0, 60_000);
    const cheapest = bids.reduce((a, b) => (Number(a.bid!.price!.amount) <= Number(b.bid!.price!.amount) ? a : b));
    const id = cheapest.bid!.id!;
    await client.queue.submit([msgCreateLease({ owner, dseq, gseq: id.gseq, oseq: id.oseq, provider: id.provider })]);
  });

  async function escrowInputs(args: Omit<ConstructorParameters<typeof Escrow>[1], "dseq">): Promise<{ urn: string; inputs: PropertyMap }> {
    const { registrations } = await registerWithMocks(() => new Escrow("runway", { dseq, ...args }));
    expect(registrations[0].type).to.equal("pulumi-nodejs:dynamic/akash:Escrow");
    return { urn: makeUrn(registrations[0].type, "runway"), inputs: registeredInputs(registrations[0]) };
  }
  const uact = async () => Number(await queryBalance(ctx.conn, ctx.wallet.address, "uact"));

  it("tops up only below minRunwayHours (diff reads the chain), caps at maxTopUp, and leaves the stack when the deployment closes", async () => {
    const relaxed = await escrowInputs({ minRunwayHours: 0.01, targetRunwayHours: 0.02 });
    const created = await up(ctx.server, relaxed.urn, relaxed.inputs);
    expect(created.state.id).to.equal(`${ctx.wallet.address}/${dseq}`);
    expect(out(created.state.outputs, "lastTopUp")).to.equal(0);
    expect(out<number>(created.state.outputs, "balance")).to.be.within(4, 5);
    // ACT per block: a few dollars a month, spread over the 100 ms blocks' 26 million blocks a month
    expect(out<number>(created.state.outputs, "ratePerBlock")).to.be.within(1e-8, 1e-6);
    const runway = out<number>(created.state.outputs, "runwayHours");
    expect(runway).to.be.greaterThan(0.01);
    expect(Date.parse(out<string>(created.state.outputs, "estimatedCloseTime"))).to.be.greaterThan(Date.now());
    expect((await up(ctx.server, relaxed.urn, relaxed.inputs, created.state)).op).to.equal("same");

    // A minimum above the runway: up deposits enough for the target.
    const strict = await escrowInputs({ minRunwayHours: 2 * runway, targetRunwayHours: 3 * runway });
    const before = await uact();
    const topped = await up(ctx.server, strict.urn, strict.inputs, created.state);
    const lastTopUp = out<number>(topped.state.outputs, "lastTopUp");
    expect(lastTopUp).to.be.within(1, 20);
    expect(before - (await uact())).to.equal(Math.round(lastTopUp * 1e6));
    const toppedRunway = out<number>(topped.state.outputs, "runwayHours");
    expect(toppedRunway / runway).to.be.within(2.7, 3.3); // block-time estimates move a little between reads
    // Runway back above the minimum: the chain-reading diff finds nothing to do.
    expect((await up(ctx.server, strict.urn, strict.inputs, topped.state)).op).to.equal("same");

    // maxTopUp caps each up; with unchanged inputs the next preview still shows an update because the chain
    // says the runway is below the minimum, and the next up deposits again.
    const capped = await escrowInputs({ minRunwayHours: 2 * toppedRunway, targetRunwayHours: 4 * toppedRunway, maxTopUp: 0.01 });
    const first = await up(ctx.server, capped.urn, capped.inputs, topped.state);
    expect(out(first.state.outputs, "lastTopUp")).to.equal(0.01);
    const beforePreview = await uact();
    expect((await up(ctx.server, capped.urn, capped.inputs, first.state, { preview: true })).op).to.equal("update");
    expect(await uact()).to.equal(beforePreview);
    // Another client of the same wallet moves its sequence on: the top-up's tx resyncs, and says so as this Escrow.
    await ctx.wallet.client.sendTokens(ctx.wallet.address, ctx.wallet.address, [{ denom: "uakt", amount: "1" }], "auto");
    const second = await up(ctx.server, capped.urn, capped.inputs, first.state);
    expect(second.op).to.equal("update");
    expect(beforePreview - (await uact())).to.equal(10_000);
    await ctx.server.waitForLog(`akash.Escrow ${dseq}: account sequence resynced`, "stdout", 5000);

    // In preview a Deployment being replaced gives an unknown dseq: check accepts it and diff plans an update.
    expect((await up(ctx.server, capped.urn, { ...capped.inputs, dseq: UNKNOWN }, second.state, { preview: true })).op).to.equal("update");

    await client.queue.submit([msgCloseDeployment({ owner: ctx.wallet.address, dseq })]);
    // Still below the minimum, but closed: nothing to top up, and refresh drops it.
    expect((await up(ctx.server, capped.urn, capped.inputs, second.state)).op).to.equal("same");
    expect(await refresh(ctx.server, second.state)).to.equal(undefined);
    await ctx.server.waitForLog(`deployment ${dseq} is closed`, "stdout", 5000);
    await destroy(ctx.server, second.state);
    await ctx.server.waitForLog("refunded to the owner when the deployment closes", "stdout", 5000);
    expect(await ctx.server.leakedInLogs([ctx.wallet.mnemonic])).to.deep.equal([]);
  });
});
