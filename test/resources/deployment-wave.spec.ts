// Many akash.Deployment creates at once, through the plugin server against the devnet and its simulated
// providers: every progress line names its own resource (also the lines about a tx the resources share), a
// wave of 20 completes with the process's gateway requests capped, and monthly prices use the chain's measured
// block time (the devnet's 100 ms blocks make a month 61 times as many blocks as the 6.098 s average).
import { expect } from "chai";
import { Deployment, type DeploymentArgs } from "../../sdk";
import { tenantSdl } from "../../provider/src/sdl/testing";
import { blocksPerMonth } from "../../provider/src/market/price";
import { destroy, makeUrn, ProviderError, registerWithMocks, up, type PropertyMap, type ResourceState } from "../harness";
import { out, registeredInputs, useResourceDevnet } from "./support";

const SDL = tenantSdl({ cpu: 0.1, memory: "128Mi", storage: "256Mi", price: 1000 });
const POLICY = { auditedOnly: false, minBids: 1, bidWindow: "1s" };
const ARGS = { sdl: SDL, deposit: 0.5, bidPolicy: POLICY, bidTimeout: 60, readyTimeout: 60 };

interface Lease {
  pricePerBlock: string;
  pricePerMonthUsd: number;
}

describe("akash.Deployment waves (plugin + devnet with providers)", function () {
  this.timeout(240_000);
  const ctx = useResourceDevnet({});

  async function registered(name: string, args: Partial<DeploymentArgs> = {}): Promise<{ urn: string; inputs: PropertyMap }> {
    const { registrations } = await registerWithMocks(() => new Deployment(name, { ...ARGS, ...args }));
    return { urn: makeUrn(registrations[0].type, name), inputs: registeredInputs(registrations[0]) };
  }

  /** The plugin's akash.* lines written since `from` (flushed first). */
  async function linesSince(from: number): Promise<string[]> {
    await ctx.server.flushLogs();
    return ctx.server.logs.slice(from).map((l) => l.text).filter((t) => t.startsWith("akash"));
  }

  it("names the right resource in every line of two concurrent creates, and both in a resync of their shared tx", async () => {
    const [alpha, beta] = [await registered("alpha"), await registered("beta")];
    const from = ctx.server.logs.length;
    const [a, b] = await Promise.all([up(ctx.server, alpha.urn, alpha.inputs), up(ctx.server, beta.urn, beta.inputs)]);
    const created = await linesSince(from);
    for (const [name, state] of [["alpha", a.state], ["beta", b.state]] as const) {
      const own = created.filter((l) => l.startsWith(`akash.Deployment ${name}: `));
      for (const step of [`deployment ${state.id} created`, "bids", "lease created for group 1", "manifest accepted by", "group 1 ready on"]) {
        expect(own.some((l) => l.includes(step)), `${name}: a line with "${step}" in\n${created.join("\n")}`).to.equal(true);
      }
    }
    for (const line of created) expect(line, "every line names alpha or beta").to.match(/^akash\.Deployment (alpha|beta)(, deployment \d+)?: /);
    expect(created.filter((l) => l.includes(`deployment ${a.state.id} created`))[0]).to.match(/^akash\.Deployment alpha: /);
    expect(created.filter((l) => l.includes(`deployment ${b.state.id} created`))[0]).to.match(/^akash\.Deployment beta: /);

    // Another client of the same wallet moves its sequence on: the closes (one tx for both) must resync.
    await ctx.wallet.client.sendTokens(ctx.wallet.address, ctx.wallet.address, [{ denom: "uakt", amount: "1" }], "auto");
    const before = ctx.server.logs.length;
    await Promise.all([destroy(ctx.server, a.state), destroy(ctx.server, b.state)]);
    const closed = await linesSince(before);
    const resyncs = closed.filter((l) => l.includes("account sequence resynced"));
    expect(resyncs.map((l) => l.replace(/: account.*/, "")).sort()).to.deep.equal([`akash.Deployment alpha, deployment ${a.state.id}`, `akash.Deployment beta, deployment ${b.state.id}`]);
    for (const line of resyncs) expect(line).to.match(/ \(one tx for 2 resources\)$/);
  });

  it("prices months at the measured block time: lease outputs, selection and the maxPricePerMonthUsd cap", async () => {
    const web = await registered("priced");
    const { state } = await up(ctx.server, web.urn, web.inputs);
    try {
      const [lease] = out<Lease[]>(state.outputs, "leases");
      // $ per month / $ per block = blocks per month: at 100 ms blocks about 26 million (431 thousand at 6.098 s).
      const blocks = lease.pricePerMonthUsd / (Number(lease.pricePerBlock) * 1e-6);
      expect(blocks).to.be.within(blocksPerMonth(0.5), blocksPerMonth(0.08));
      const chosen = out<Array<{ candidates: Array<{ chosen: boolean; pricePerMonthUsd: number }> }>>(state.outputs, "selection")[0].candidates.find((c) => c.chosen)!;
      expect(chosen.pricePerMonthUsd).to.be.closeTo(lease.pricePerMonthUsd, lease.pricePerMonthUsd * 0.2);
    } finally {
      await destroy(ctx.server, state);
    }
    // Devnet providers price per mainnet block and rescale to the devnet's: every bid for 1 CPU and 1 GiB costs
    // $4 to $11 a month at any block time (less when blocks come slower than the nominal 100 ms), so a $1 cap
    // excludes them all.
    const big = tenantSdl({ cpu: 1, memory: "1Gi", storage: "1Gi", price: 1000 });
    const capped = await registered("capped", { sdl: big, bidPolicy: { ...POLICY, maxPricePerMonthUsd: 1 }, bidTimeout: 4 });
    const error = await up(ctx.server, capped.urn, capped.inputs).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ProviderError);
    expect((error as Error).message).to.match(/no acceptable bids within bidTimeout/).and.match(/rejected \(over-price: \$\d+\.\d\d\/month > maxPricePerMonthUsd \$1\)/);
  });

  it("completes a wave of 20 concurrent creates under the process-wide gateway request cap, each line naming its resource", async () => {
    const wave: Array<{ urn: string; inputs: PropertyMap }> = [];
    for (let i = 0; i < 20; i++) wave.push(await registered(`wave-${i}`)); // Pulumi's mocks are per process: one at a time
    const from = ctx.server.logs.length;
    const results = await Promise.allSettled(wave.map((w) => up(ctx.server, w.urn, w.inputs)));
    const states = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.state as ResourceState] : []));
    try {
      expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).to.deep.equal([]);
      for (const s of states) expect(out<Record<string, string[]>>(s.outputs, "uris").web).to.have.length(1);
      const lines = await linesSince(from);
      for (const line of lines) expect(line).to.match(/^akash\.Deployment wave-\d+(, deployment \d+)?: /);
    } finally {
      await Promise.all(states.map((s) => destroy(ctx.server, s)));
    }
  });
});
