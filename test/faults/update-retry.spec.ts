// Fault matrix, scenario 11: an in-place update whose manifest send fails after MsgUpdateDeployment. The update is
// a partial failure (the state keeps the old SDL and records the version the chain has), and a later up finishes
// it without resending the hash the chain already has (the chain rejects an unchanged hash).
import { expect } from "chai";
import * as http from "node:http";
import { destroy, PartialFailureError, refresh } from "../harness";
import { queryDeployment } from "../../provider/src/chain/deployment/queries";
import { FAST, FAST_POLICY, Scenario, useFaultDevnet, webSdl } from "./support";

function get(hostPort: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(`http://${hostPort}`, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

describe("fault matrix: a failed in-place update (plugin + devnet)", function () {
  this.timeout(120_000);
  const suite = useFaultDevnet();
  let scenario: Scenario;
  const args = (image: string) => ({ sdl: webSdl(image), ...FAST, bidPolicy: FAST_POLICY });

  /** Creates `web` on nginx:1.27, then updates it to nginx:1.28 while its provider answers 500. */
  async function failedUpdate() {
    scenario = await suite.start();
    const created = await scenario.up("web", args("nginx:1.27"));
    expect(created.error, created.error?.message).to.equal(undefined);
    const [lease] = scenario.outputs(created.state!).leases as Array<{ provider: string }>;
    const provider = suite.devnet.providers!.providers.find((p) => p.address === lease.provider)!;
    provider.faults.gateway5xx(true);
    const failed = await scenario.up("web", args("nginx:1.28"), created.state);
    provider.faults.gateway5xx(false);
    return { created: created.state!, failed };
  }

  const chainVersion = async (dseq: string) => Buffer.from((await queryDeployment(scenario.conn, scenario.wallet.address, dseq))!.deployment!.hash).toString("hex");

  it("11a. the manifest send fails after MsgUpdateDeployment: a partial failure; provider back, refresh, up finishes the update", async () => {
    const { created, failed } = await failedUpdate();
    expect(failed.error).to.be.instanceOf(PartialFailureError);
    expect(failed.error!.message).to.match(/500/);
    const recorded = failed.state!;
    expect(recorded.id).to.equal(created.id);
    // the chain has the new version and the state says so, while its SDL is still the old one (the update is pending)
    const newVersion = await chainVersion(created.id);
    expect(newVersion).to.not.equal(scenario.outputs(created).version);
    expect(scenario.outputs(recorded).version).to.equal(newVersion);
    expect(scenario.outputs(recorded).sdl).to.contain("nginx:1.27");

    const refreshed = await refresh(scenario.server, recorded);
    scenario.seenStates.push(refreshed!);
    const retried = await scenario.up("web", args("nginx:1.28"), refreshed);
    expect(retried.error, retried.error?.message).to.equal(undefined);
    expect(retried.state!.id).to.equal(created.id);
    await scenario.server.flushLogs();
    expect(scenario.server.logText()).to.contain(`deployment ${created.id} is already at manifest version ${newVersion} on chain`);
    const outs = scenario.outputs(retried.state!);
    expect(outs.version).to.equal(newVersion);
    expect(await get((outs.uris as Record<string, string[]>).web[0])).to.contain("nginx:1.28");
    await scenario.finish([retried.state]);
    await destroy(scenario.server, retried.state!);
    await scenario.finish([]);
  });

  it("11b. the SDL reverted after a failed update: the next up puts the old version back on chain and on the provider", async () => {
    const { created, failed } = await failedUpdate();
    const oldVersion = scenario.outputs(created).version;
    expect(await chainVersion(created.id)).to.not.equal(oldVersion);
    // No diff between the recorded (old) SDL and the reverted one: the engine updates it for its init errors.
    const reverted = await scenario.up("web", args("nginx:1.27"), failed.state);
    expect(reverted.error, reverted.error?.message).to.equal(undefined);
    expect(await chainVersion(created.id)).to.equal(oldVersion);
    const outs = scenario.outputs(reverted.state!);
    expect(outs.version).to.equal(oldVersion);
    expect(await get((outs.uris as Record<string, string[]>).web[0])).to.contain("nginx:1.27");
    await destroy(scenario.server, reverted.state!);
    await scenario.finish([]);
  });

  it("11c. refresh after a failed update, then the SDL reverted: still an update (refresh cleared the init errors), old version back", async () => {
    const { created, failed } = await failedUpdate();
    const oldVersion = scenario.outputs(created).version;
    const refreshed = await refresh(scenario.server, failed.state!);
    scenario.seenStates.push(refreshed!);
    const reverted = await scenario.up("web", args("nginx:1.27"), refreshed);
    expect(reverted.error, reverted.error?.message).to.equal(undefined);
    expect(reverted.state!.id, "updated in place, not replaced").to.equal(created.id);
    expect(await chainVersion(created.id)).to.equal(oldVersion);
    await scenario.server.flushLogs();
    expect(scenario.server.logText()).to.contain("the chain holds manifest version");
    expect(await get((scenario.outputs(reverted.state!).uris as Record<string, string[]>).web[0])).to.contain("nginx:1.27");
    await destroy(scenario.server, reverted.state!);
    await scenario.finish([]);
  });
});
