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
import { destroy, makeUrn, refresh, registerWithMocks, up, type PropertyMap } from "../harness";
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

  it("tops up only below minRunwayHours, caps at maxTopUp, and leaves the stack when the deployment closes", async () => {
    // 5 ACT at <= 1000 uact per 100 ms block: at least ~8 minutes of runway, above 0.01 h.
    const relaxed = await escrowInputs({ minRunwayHours: 0.01, targetRunwayHours: 0.02 });
    const created = await up(ctx.server, relaxed.urn, relaxed.inputs);
    expect(created.state.id).to.equal(`${ctx.wallet.address}/${dseq}`);
    expect(out(created.state.outputs, "lastTopUp")).to.equal(0);
    expect(out<number>(created.state.outputs, "balance")).to.be.within(4, 5);
    expect(out<number>(created.state.outputs, "ratePerBlock")).to.be.within(0.000001, 0.001);
    expect(out<number>(created.state.outputs, "runwayHours")).to.be.greaterThan(0.01);
    expect(Date.parse(out<string>(created.state.outputs, "estimatedCloseTime"))).to.be.greaterThan(Date.now());
    expect((await up(ctx.server, relaxed.urn, relaxed.inputs, created.state)).op).to.equal("same");

    // A minimum above the runway: preview shows the update, up deposits to the target.
    const strict = await escrowInputs({ minRunwayHours: 1, targetRunwayHours: 2 });
    const before = await uact();
    expect((await up(ctx.server, strict.urn, strict.inputs, created.state, { preview: true })).op).to.equal("update");
    expect(await uact()).to.equal(before);
    const topped = await up(ctx.server, strict.urn, strict.inputs, created.state);
    const lastTopUp = out<number>(topped.state.outputs, "lastTopUp");
    console.log(ctx.server.logs.map((l) => l.text).join("\n"), topped.state.outputs);
    expect(lastTopUp).to.be.greaterThan(0);
    expect(before - (await uact())).to.equal(Math.round(lastTopUp * 1e6));
    expect(out<number>(topped.state.outputs, "runwayHours")).to.be.within(1.8, 2.2);
    // Runway back above the minimum: the chain-reading diff finds nothing to do.
    expect((await up(ctx.server, strict.urn, strict.inputs, topped.state)).op).to.equal("same");

    const capped = await escrowInputs({ minRunwayHours: 10, targetRunwayHours: 20, maxTopUp: 3 });
    const beforeCap = await uact();
    const cappedUp = await up(ctx.server, capped.urn, capped.inputs, topped.state);
    expect(out(cappedUp.state.outputs, "lastTopUp")).to.equal(3);
    expect(beforeCap - (await uact())).to.equal(3_000_000);

    await client.queue.submit([msgCloseDeployment({ owner: ctx.wallet.address, dseq })]);
    // Still below the minimum, but closed: nothing to top up.
    expect((await up(ctx.server, capped.urn, capped.inputs, cappedUp.state)).op).to.equal("same");
    expect(await refresh(ctx.server, cappedUp.state).catch((e: Error) => e.message)).to.equal(undefined);
    expect(ctx.server.logs.some((l) => l.text.includes(`${dseq} is closed`))).to.equal(true);
    await destroy(ctx.server, cappedUp.state);
    expect(ctx.server.logs.some((l) => l.text.includes("refunded to the owner when the deployment closes"))).to.equal(true);
    expect(await ctx.server.leakedInLogs([ctx.wallet.mnemonic])).to.deep.equal([]);
  });
});
