// Fault matrix, scenario 4: the plugin process dies (SIGKILL, as when the machine or CI runner goes away) after
// the deployment tx, before Pulumi recorded anything. The next up, in a new process with no prior state, finds
// the half-created deployment by its key digits and finishes it: never a second paid deployment.
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
      let killed = false;
      scenario = await suite.start({
        onLog: (line) => {
          if (!killed && marker.test(line.text)) {
            killed = true;
            void scenario.server.stop("SIGKILL");
          }
        },
      });
      const args = { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY };
      const first = await scenario.up("web", args);
      expect(killed).to.equal(true);
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

  it("4. another resource of the same wallet with the same SDL never takes over the unfinished deployment", async () => {
    let killed = false;
    scenario = await suite.start({
      onLog: (line) => {
        if (!killed && /deployment \d+ created/.test(line.text)) {
          killed = true;
          void scenario.server.stop("SIGKILL");
        }
      },
    });
    const args = { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY };
    await scenario.up("web", args);
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
