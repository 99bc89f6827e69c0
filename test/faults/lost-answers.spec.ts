// Fault matrix, scenarios 12 and 13: the RPC endpoint loses a broadcast's answer (the tx's outcome is unknown to
// the plugin). A create whose deployment tx landed anyway closes it; one whose tx never landed fails cleanly; a
// create whose cleanup tx is lost reports the id (init error), and refresh then reports the never-leased group.
import { expect } from "chai";
import { destroy, PartialFailureError, refresh } from "../harness";
import { startRpcProxy, type RpcProxy } from "./rpc-proxy";
import { FAST, FAST_POLICY, Scenario, useFaultDevnet, webSdl } from "./support";

describe("fault matrix: lost RPC answers (plugin + devnet)", function () {
  this.timeout(120_000);
  const suite = useFaultDevnet();
  let scenario: Scenario;
  let proxy: RpcProxy;
  const args = { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY };

  beforeEach(async () => {
    proxy = await startRpcProxy(suite.devnet.rpcUrl);
  });
  afterEach(async () => {
    await proxy.stop();
  });

  it("12a. the deployment tx's answer is lost but the tx landed: the create finds the deployment, closes it and refunds it", async () => {
    scenario = await suite.start({ rpcEndpoint: proxy.url });
    void proxy.lose({ nth: 1, reachesChain: true, downMs: 1500 });
    const { error, state } = await scenario.up("web", args);
    expect(state).to.equal(undefined);
    expect(error?.message).to.match(/the tx creating deployment (\d+) got no clear answer/);
    expect(error?.message).to.match(/deployment \d+ was closed and its deposit refunded; nothing is left running/);
    const audit = await scenario.finish([]);
    expect(audit.active).to.deep.equal([]);
    expect(audit.closed).to.have.length(1);
    expect(error?.message).to.contain(`deployment ${audit.closed[0]} `);
  });

  it("12b. the deployment tx never reached the chain: the create fails cleanly, nothing on chain", async () => {
    scenario = await suite.start({ rpcEndpoint: proxy.url });
    void proxy.lose({ nth: 1, reachesChain: false, downMs: 1500 });
    const { error, state } = await scenario.up("web", args);
    expect(state).to.equal(undefined);
    expect(error?.message).to.match(/the tx creating deployment \d+ got no clear answer .*; deployment \d+ is not on chain, so nothing was paid/s);
    expect(await scenario.listDeployments()).to.deep.equal([]);
    await scenario.finish([]);
  });

  it("13. a create whose cleanup tx is lost keeps the id (init error); refresh reports the never-leased group; the next up replaces it", async () => {
    scenario = await suite.start({ rpcEndpoint: proxy.url });
    const providers = suite.devnet.providers!.providers;
    for (const p of providers) p.faults.noBids(true);
    // broadcast 1 creates the deployment; 2 is the close after no bids came
    const lost = proxy.lose({ nth: 2, reachesChain: false, downMs: 1500 });
    const failed = await scenario.up("web", { ...args, bidTimeout: 2 });
    for (const p of providers) p.faults.noBids(false);
    await lost;
    expect(failed.error).to.be.instanceOf(PartialFailureError);
    expect(failed.error!.message).to.match(/no acceptable bids within bidTimeout .*closing deployment \d+ also failed/s);
    const recorded = failed.state!;
    expect(scenario.outputs(recorded).state).to.equal("failed");

    const refreshed = await refresh(scenario.server, recorded);
    scenario.seenStates.push(refreshed!);
    expect(refreshed!.id).to.equal(recorded.id);
    expect(scenario.outputs(refreshed!).state).to.equal("lease lost: group 1: no lease");
    const next = await scenario.up("web", args, refreshed);
    expect(next.error, next.error?.message).to.equal(undefined);
    expect(next.state!.id).to.not.equal(recorded.id);
    const audit = await scenario.finish([next.state]);
    expect(audit.active).to.deep.equal([next.state!.id]);
    expect(audit.closed).to.deep.equal([recorded.id]);
    await destroy(scenario.server, next.state!);
    await scenario.finish([]);
  });
});
