// akash.Deployment `adopt` through the plugin: taking over a deployment of this wallet that no stack records.
// It is refused before any tx when the on-chain groups differ from the SDL's; it never closes the adopted
// deployment's leases; a group without a lease is leased as a create would.
import { expect } from "chai";
import { destroy, type ResourceState } from "../harness";
import { queryDeployment } from "../../provider/src/chain/deployment/queries";
import { queryLeases } from "../../provider/src/chain/market/queries";
import { FAST, FAST_POLICY, Scenario, useFaultDevnet, webSdl } from "./support";

describe("akash.Deployment adopt (plugin + devnet)", function () {
  this.timeout(120_000);
  const suite = useFaultDevnet();
  let scenario: Scenario;
  const args = (count = 1) => ({ sdl: webSdl("nginx:1.27", count), ...FAST, bidPolicy: FAST_POLICY });

  /** A running deployment of the scenario's wallet that the stack then forgets (as after `pulumi state delete`). */
  async function running(): Promise<ResourceState> {
    const { state, error } = await scenario.up("original", args());
    expect(error, error?.message).to.equal(undefined);
    return state!;
  }

  /** The leases' identity and price (the monthly estimate follows the measured block time, so it moves). */
  const leasesOf = (state: ResourceState) =>
    (scenario.outputs(state).leases as Array<Record<string, unknown>>).map(({ gseq, oseq, provider, pricePerBlock }) => ({ gseq, oseq, provider, pricePerBlock }));
  const sequence = async () => (await scenario.wallet.client.getSequence(scenario.wallet.address)).sequence;
  const chainState = async (dseq: string, of: Scenario = scenario) => {
    const d = await queryDeployment(of.conn, of.wallet.address, dseq);
    const leases = await queryLeases(of.conn, { owner: of.wallet.address, dseq });
    return { version: Buffer.from(d!.deployment!.hash).toString("hex"), state: d!.deployment!.state, leases: leases.map((l) => ({ ...l.lease!.id!, state: l.lease!.state })) };
  };

  it("with the SDL it was created with: outputs filled from the chain, nothing re-created, no tx", async () => {
    scenario = await suite.start();
    const original = await running();
    const before = { chain: await chainState(original.id), sequence: await sequence() };
    const adopted = await scenario.up("adopted", { ...args(), adopt: original.id });
    expect(adopted.error, adopted.error?.message).to.equal(undefined);
    expect(adopted.state!.id).to.equal(original.id);
    const outs = scenario.outputs(adopted.state!);
    const was = scenario.outputs(original);
    expect(leasesOf(adopted.state!)).to.deep.equal(leasesOf(original));
    expect(outs.version).to.equal(was.version);
    expect(outs.uris).to.deep.equal(was.uris);
    expect((outs.escrow as { balance: number }).balance).to.be.greaterThan(0);
    expect(await chainState(original.id)).to.deep.equal(before.chain);
    expect(await sequence()).to.equal(before.sequence);
    expect(await scenario.listDeployments()).to.have.length(1);
    await scenario.finish([adopted.state]);
    await destroy(scenario.server, adopted.state!);
    await scenario.finish([]);
  });

  it("with an SDL whose groups differ: refused before any tx, naming the SDL path and the fix; the deployment untouched", async () => {
    scenario = await suite.start();
    const original = await running();
    const before = { chain: await chainState(original.id), sequence: await sequence() };
    const { error } = await scenario.up("adopted", { ...args(2), adopt: original.id });
    expect(error?.message).to.contain(`adopt: deployment ${original.id} was created with other on-chain groups than this SDL compiles to`);
    expect(error?.message).to.contain("deployment.web.dcloud.count: 1 on chain, 2 in the SDL");
    expect(error?.message).to.contain("Adopt it with the SDL it was created with, then change the SDL in a later up");
    expect(await sequence()).to.equal(before.sequence);
    expect(await chainState(original.id)).to.deep.equal(before.chain);
    await scenario.finish([original]);
    await destroy(scenario.server, original);
    await scenario.finish([]);
  });

  it("of a closed deployment or another wallet's: a clear error, nothing sent", async () => {
    scenario = await suite.start();
    const original = await running();
    await destroy(scenario.server, original);
    const closed = await scenario.up("adopted", { ...args(), adopt: original.id });
    expect(closed.error?.message).to.match(new RegExp(`adopt: deployment ${original.id} is closed.*remove adopt to create a new one`));

    const other = await Scenario.start(suite.devnet);
    try {
      const foreign = await other.up("theirs", args());
      expect(foreign.error, foreign.error?.message).to.equal(undefined);
      const seq = await sequence();
      const taken = await scenario.up("adopted", { ...args(), adopt: foreign.state!.id });
      expect(taken.error?.message).to.contain(`adopt: wallet ${scenario.wallet.address} has no deployment ${foreign.state!.id}`);
      expect(taken.error?.message).to.contain("only deployments of the configured wallet can be adopted");
      expect(await sequence()).to.equal(seq);
      expect((await chainState(foreign.state!.id, other)).state).to.equal(1);
      await destroy(other.server, foreign.state!);
      await other.finish([]);
    } finally {
      await other.stop();
    }
    await scenario.finish([]);
  });

  it("never fails over the adopted deployment's lease: a provider failure fails the adopt and keeps the lease; retried, it succeeds", async () => {
    scenario = await suite.start();
    const original = await running();
    const [lease] = scenario.outputs(original).leases as Array<{ provider: string; oseq: number }>;
    const provider = suite.devnet.providers!.providers.find((p) => p.address === lease.provider)!;
    provider.faults.gateway5xx(true);
    const failed = await scenario.up("adopted", { ...args(), adopt: original.id });
    provider.faults.gateway5xx(false);
    expect(failed.error?.message).to.match(/500/);
    const after = await chainState(original.id);
    expect(after.state).to.equal(1);
    expect(after.leases).to.have.length(1);
    expect(after.leases[0]).to.include({ provider: lease.provider, oseq: lease.oseq, state: 1 });
    const retried = await scenario.up("adopted", { ...args(), adopt: original.id });
    expect(retried.error, retried.error?.message).to.equal(undefined);
    expect(leasesOf(retried.state!)).to.deep.equal(leasesOf(original));
    await destroy(scenario.server, retried.state!);
    await scenario.finish([]);
  });

  it("of a deployment with a group that has no lease (a create killed after the deployment tx): leases it as a create would", async () => {
    const crash = await suite.startKilledAt(/deployment \d+ created/);
    scenario = crash.scenario;
    await scenario.up("original", args());
    expect(crash.killed()).to.equal(true);
    const [orphan] = await scenario.listDeployments();
    const dseq = String(orphan.deployment!.id!.dseq);
    await scenario.restartPlugin();
    const adopted = await scenario.up("adopted", { ...args(), adopt: dseq });
    expect(adopted.error, adopted.error?.message).to.equal(undefined);
    expect(adopted.state!.id).to.equal(dseq);
    const outs = scenario.outputs(adopted.state!);
    expect(outs.leases).to.have.length(1);
    expect((outs.selection as Array<{ chosen?: string }>)[0].chosen).to.be.a("string");
    expect((outs.uris as Record<string, string[]>).web).to.have.length(1);
    expect(scenario.outputs(adopted.state!).state).to.equal("active");
    await destroy(scenario.server, adopted.state!);
    await scenario.finish([]);
  });
});
