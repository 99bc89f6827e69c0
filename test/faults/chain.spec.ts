// Fault matrix, scenarios 7, 8 and 10 through the plugin: an outside tx of the same wallet racing the
// Deployments' batch (or spending the ACT one of its creates needs), a dead first RPC endpoint, and secret env
// values kept out of state, logs and errors.
import { expect } from "chai";
import { fromBase64 } from "@cosmjs/encoding";
import { decodeTxRaw } from "@cosmjs/proto-signing";
import { compileSdl } from "../../provider/src/sdl";
import { latestBlock } from "../../provider/src/chain/blocks";
import { msgCloseDeployment, msgCreateDeployment } from "../../provider/src/chain/deployment/messages";
import { destroy, isSecret } from "../harness";
import { waitFor } from "../client/helpers";
import { FAST, FAST_POLICY, Scenario, useFaultDevnet, webSdl, type UpResult } from "./support";

describe("fault matrix: chain access (plugin + devnet)", function () {
  this.timeout(120_000);
  const suite = useFaultDevnet();
  let scenario: Scenario;
  const args = { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY };
  const NAMES = ["a", "b", "c"];
  /** Three Deployments' inputs, registered one at a time (Pulumi's mocks are per process), to run in parallel. */
  const registerThree = async (s: Scenario) => {
    const registered = [];
    for (const name of NAMES) registered.push(await s.inputs(name, args));
    return registered;
  };

  it("7. outside txs of the same wallet during a batch: no failure, no double send", async () => {
    scenario = await suite.start();
    const s = scenario;
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
    const results = await Promise.all((await registerThree(s)).map((r) => s.run(r)));
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

  it("7b. an outside tx spends the ACT one batched create needs: the chain rejects that message at delivery, it alone fails", async () => {
    scenario = await suite.start();
    const s = scenario;
    const { chain } = suite.devnet;
    const owner = s.wallet.address;
    const registered = await registerThree(s);
    // Another client of the wallet creates a deployment with 88 of its 100 ACT, its tx held in the mempool: the
    // plugin's balance checks and its simulation see 100 ACT, while the block leaves 12 for three 5 ACT deposits.
    const compiled = compileSdl(webSdl());
    const outside = msgCreateDeployment({ owner, dseq: String((await latestBlock(s.conn)).height), groups: compiled.groups, hash: compiled.version, deposit: { denom: "uact", amount: "88000000" } });
    chain.faults.pauseBlocks(true);
    let running: Promise<UpResult[]>;
    try {
      await s.wallet.client.signAndBroadcastSync(owner, [outside], "auto");
      running = Promise.all(registered.map((r) => s.run(r)));
      // the plugin's one tx for the three creates is in the mempool behind the outside one
      const creates = (tx: string) => decodeTxRaw(fromBase64(tx)).body.messages.filter((m) => m.typeUrl === outside.typeUrl).length;
      await waitFor(async () => chain.node.mempoolTxs().some((tx) => creates(tx) === 3), 30_000);
    } finally {
      chain.faults.pauseBlocks(false);
    }
    const results = await running;
    const failed = results.filter((r) => r.error);
    expect(failed, "exactly one create fails").to.have.length(1);
    expect(failed[0].error!.message).to.match(/chain rejected the deliver .*message index: 2.*insufficient balance/);
    expect(failed[0].state, "nothing of it to keep").to.equal(undefined);
    const succeeded = results.flatMap((r, i) => (r.state ? [{ name: NAMES[i], state: r.state }] : []));
    expect(succeeded).to.have.length(2);
    await s.server.flushLogs();
    for (const { name, state } of succeeded) {
      expect(s.outputs(state).uris).to.have.property("web");
      expect(s.server.logText()).to.match(new RegExp(`akash\\.Deployment ${name}: tx message 2 was rejected .* and fails only its sender; resending the rest \\(one tx for 2 resources\\)`));
    }
    await s.wallet.client.signAndBroadcast(owner, [msgCloseDeployment({ owner, dseq: outside.value.id.dseq })], "auto");
    const onChain = (await s.listDeployments()).filter((d) => d.deployment!.state === 1);
    expect(onChain.map((d) => String(d.deployment!.id!.dseq)).sort()).to.deep.equal(succeeded.map((r) => r.state.id).sort());
    await s.finish(succeeded.map((r) => r.state));
    for (const { state } of succeeded) await destroy(s.server, state);
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
