// Fault matrix, scenarios 7, 8 and 10 through the plugin: an outside tx of the same wallet racing the
// Deployments' batch, a dead first RPC endpoint, and secret env values kept out of state, logs and errors.
import { expect } from "chai";
import { destroy, isSecret } from "../harness";
import { FAST, FAST_POLICY, Scenario, useFaultDevnet, webSdl } from "./support";

describe("fault matrix: chain access (plugin + devnet)", function () {
  this.timeout(120_000);
  const suite = useFaultDevnet();
  let scenario: Scenario;

  it("7. outside txs of the same wallet during a batch: no failure, no double send", async () => {
    scenario = await suite.start();
    const s = scenario;
    const args = { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY };
    // The same mnemonic in another client (a wallet app, a script) sends while the plugin batches its creates.
    let racing = true;
    let outsideSent = 0;
    const outside = (async () => {
      while (racing) {
        try {
          await s.wallet.client.sendTokens(s.wallet.address, suite.devnet.demoAddress, [{ denom: "uakt", amount: "1" }], "auto");
          outsideSent++;
        } catch {
          // the outside client may lose a sequence race with the plugin; that is its problem, not ours
        }
      }
    })();
    const registered = [await s.inputs("a", args), await s.inputs("b", args), await s.inputs("c", args)];
    const results = await Promise.all(registered.map((r) => s.run(r)));
    racing = false;
    await outside;
    for (const r of results) expect(r.error, r.error?.message).to.equal(undefined);
    expect(outsideSent).to.be.greaterThan(0);
    // the race really happened: the plugin's queue met the outside txs' sequence numbers and resynced
    await s.server.flushLogs();
    expect(s.server.logText()).to.match(/account sequence resynced/);
    const onChain = await s.listDeployments();
    expect(onChain.map((d) => String(d.deployment!.id!.dseq)).sort()).to.deep.equal(results.map((r) => r.state!.id).sort());
    await s.finish(results.map((r) => r.state));
    for (const r of results) await destroy(s.server, r.state!);
    await s.finish([]);
  });

  it("8 + 10. a dead first RPC endpoint: the next one is used; secret env values stay out of state, logs and errors", async () => {
    const dead = "http://127.0.0.1:9"; // discard port: nothing listens
    scenario = await suite.start({ rpcEndpoint: JSON.stringify([dead, suite.devnet.rpcUrl]) });
    const token = `tok-${Math.random().toString(36).slice(2)}-secret`;
    const { state, error } = await scenario.up("web", { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY, secretEnv: { web: { API_TOKEN: token } } });
    expect(error, error?.message).to.equal(undefined);
    expect(scenario.outputs(state!).uris).to.have.property("web");
    // secretEnv is secret in the stored inputs and outputs, and the version hash covers it (it reached the manifest)
    expect(isSecret(state!.inputs.secretEnv)).to.equal(true);
    expect(isSecret(state!.outputs.secretEnv)).to.equal(true);
    const plainRun = await scenario.up("plain", { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY });
    expect(scenario.outputs(plainRun.state!).version).to.not.equal(scenario.outputs(state!).version);
    await destroy(scenario.server, plainRun.state!);
    await destroy(scenario.server, state!);
    await scenario.finish([], [token]);
  });
});
