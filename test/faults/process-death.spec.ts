// Fault matrix, scenario 4: the plugin process dies (SIGKILL, as when the machine or CI runner goes away) after
// the deployment tx, before Pulumi recorded anything. The next up, in a new process with no prior state, finds
// the half-created deployment by its key digits and finishes it: never a second paid deployment. When the SDL
// was edited meanwhile, it closes that orphan instead (its deposit comes back).
import { expect } from "chai";
import { destroy } from "../harness";
import { waitFor } from "../client/helpers";
import { FAST, FAST_POLICY, Scenario, useFaultDevnet, webSdl } from "./support";

describe("fault matrix: process death mid-create (plugin + devnet)", function () {
  this.timeout(120_000);
  const suite = useFaultDevnet();
  let scenario: Scenario;

  for (const [when, marker] of [
    ["after the deployment tx, before any lease", /deployment \d+ created/],
    ["after the lease, before the manifest is sent", /lease created for group 1/],
  ] as const) {
    it(`4. killed ${when}: the next up finishes that deployment instead of paying for a second`, async () => {
      const crash = await suite.startKilledAt(marker);
      scenario = crash.scenario;
      const args = { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY };
      const first = await scenario.up("web", args);
      expect(crash.killed()).to.equal(true);
      expect(first.error?.message).to.match(/UNAVAILABLE|CANCELLED|Connection dropped|No connection|ECONNRESET/i);
      await waitFor(async () => (await scenario.listDeployments()).length === 1, 10_000);
      const [orphan] = await scenario.listDeployments();
      const dseq = String(orphan.deployment!.id!.dseq);
      expect(orphan.deployment!.state).to.equal(1);

      // A new `pulumi up`: a new plugin process, and the stack has no record of the deployment.
      await scenario.restartPlugin();
      const second = await scenario.up("web", args);
      expect(second.error, second.error?.message).to.equal(undefined);
      expect(second.state!.id).to.equal(dseq);
      expect(scenario.server.logText()).to.contain(`found deployment ${dseq}, created for this resource by an earlier run that did not finish`);
      expect(scenario.outputs(second.state!).leases as unknown[]).to.have.length(1);
      expect(await scenario.listDeployments()).to.have.length(1);
      await scenario.finish([second.state]);

      await destroy(scenario.server, second.state!);
      const audit = await scenario.finish([]);
      expect(audit.closed).to.deep.equal([dseq]);
    });
  }

  for (const [when, marker] of [
    ["after the deployment tx", /deployment \d+ created/],
    ["after the lease (a paying lease without a manifest)", /lease created for group 1/],
  ] as const) {
    it(`4. killed ${when}, then the SDL edited: the next up closes that orphan (refunded) and creates one deployment`, async () => {
      const crash = await suite.startKilledAt(marker);
      scenario = crash.scenario;
      await scenario.up("web", { sdl: webSdl("nginx:1.27"), ...FAST, bidPolicy: FAST_POLICY });
      expect(crash.killed()).to.equal(true);
      await waitFor(async () => (await scenario.listDeployments()).length === 1, 10_000);
      const orphan = String((await scenario.listDeployments())[0].deployment!.id!.dseq);

      await scenario.restartPlugin();
      const edited = await scenario.up("web", { sdl: webSdl("nginx:1.28"), ...FAST, bidPolicy: FAST_POLICY });
      expect(edited.error, edited.error?.message).to.equal(undefined);
      expect(edited.state!.id).to.not.equal(orphan);
      await scenario.server.flushLogs();
      expect(scenario.server.logText()).to.match(new RegExp(`closed orphan deployment ${orphan}: .*escrow refund [1-9][0-9.]* ACT`));
      const audit = await scenario.finish([edited.state]);
      expect(audit.active).to.deep.equal([edited.state!.id]);
      expect(audit.closed).to.deep.equal([orphan]);
      await destroy(scenario.server, edited.state!);
      await scenario.finish([]);
    });
  }

  it("4. a serving deployment with this resource's key digits and another SDL is left alone (another stack's, or its own during a create-before-delete replace)", async () => {
    scenario = await suite.start();
    const first = await scenario.up("web", { sdl: webSdl("nginx:1.27"), ...FAST, bidPolicy: FAST_POLICY });
    expect(first.error, first.error?.message).to.equal(undefined);
    // Another stack, or a state that lost track of it: the same key, a running deployment, a new create.
    const second = await scenario.up("web", { sdl: webSdl("nginx:1.28"), ...FAST, bidPolicy: FAST_POLICY });
    expect(second.error, second.error?.message).to.equal(undefined);
    await scenario.server.flushLogs();
    expect(scenario.server.logText()).to.contain(`deployment ${first.state!.id} carries this resource's key digits but another SDL and is serving: left alone`);
    const audit = await scenario.finish([first.state, second.state]);
    expect(audit.active.sort()).to.deep.equal([first.state!.id, second.state!.id].sort());
    await destroy(scenario.server, first.state!);
    await destroy(scenario.server, second.state!);
    await scenario.finish([]);
  });

  it("4. another resource of the same wallet with the same SDL never takes over the unfinished deployment", async () => {
    const crash = await suite.startKilledAt(/deployment \d+ created/);
    scenario = crash.scenario;
    const args = { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY };
    await scenario.up("web", args);
    expect(crash.killed()).to.equal(true);
    await waitFor(async () => (await scenario.listDeployments()).length === 1, 10_000);
    await scenario.restartPlugin();
    const other = await scenario.up("web-2", args);
    expect(other.error, other.error?.message).to.equal(undefined);
    const all = await scenario.listDeployments();
    expect(all).to.have.length(2);
    const web = await scenario.up("web", args);
    expect(web.error, web.error?.message).to.equal(undefined);
    expect(web.state!.id).to.not.equal(other.state!.id);
    expect(await scenario.listDeployments()).to.have.length(2);
    await destroy(scenario.server, other.state!);
    await destroy(scenario.server, web.state!);
    await scenario.finish([]);
  });
});
