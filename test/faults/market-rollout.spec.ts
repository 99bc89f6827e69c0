// Fault matrix, scenarios 1-3: no acceptable bid, a provider failing at manifest send (offline, 5xx), a
// provider that never becomes ready (its status answers 0/N available, or 5xx). Each: a fresh wallet through the
// plugin server, then the leak audit.
import { expect } from "chai";
import { Lease_State } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { queryLeases } from "../../provider/src/chain/market/queries";
import { destroy } from "../harness";
import { FAST, FAST_POLICY, providerNamed, Scenario, useFaultDevnet, webSdl } from "./support";

describe("fault matrix: bids and rollout (plugin + devnet)", function () {
  this.timeout(120_000);
  const suite = useFaultDevnet();
  let scenario: Scenario;
  const providers = () => suite.devnet.providers!.providers;

  it("1a. no bids within the bid window: closes the deployment, refunds the deposit, says so", async () => {
    scenario = await suite.start();
    for (const p of providers()) p.faults.noBids(true);
    const { error } = await scenario.up("web", { sdl: webSdl(), ...FAST, bidTimeout: 3, bidPolicy: FAST_POLICY });
    expect(error?.message).to.match(/no acceptable bids within bidTimeout \(3 s\) for deployment (\d+)/);
    expect(error?.message).to.match(/no bids/);
    expect(error?.message).to.match(/was closed and its deposit refunded; nothing is left running/);
    const audit = await scenario.finish([]);
    expect(audit.active).to.deep.equal([]);
    expect(audit.closed).to.have.length(1);
    expect(audit.earnedUact).to.equal(0n);
  });

  it("1b. every bid excluded by the policy: the error names each provider and the rule that excluded it", async () => {
    scenario = await suite.start();
    const { error } = await scenario.up("web", { sdl: webSdl(), ...FAST, bidTimeout: 3, bidPolicy: { ...FAST_POLICY, maxPricePerMonthUsd: 0.01 } });
    for (const p of providers()) expect(error?.message).to.contain(`${p.address}: rejected (over-price: `);
    expect(error?.message).to.match(/was closed and its deposit refunded/);
    const audit = await scenario.finish([]);
    expect(audit.active).to.deep.equal([]);
    expect(audit.earnedUact).to.equal(0n);
  });

  it("2a. the chosen provider goes offline at manifest send: fails over to the next bid", async () => {
    const cheapest = providerNamed(suite.devnet, "sim-us-east");
    scenario = await suite.start({
      onLog: (line) => {
        if (line.text.includes(`lease created for group 1 with ${cheapest.address}`)) void cheapest.faults.offline(true);
      },
    });
    const { state, error } = await scenario.up("web", { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY });
    expect(error, error?.message).to.equal(undefined);
    const leases = scenario.outputs(state!).leases as Array<{ provider: string }>;
    expect(leases).to.have.length(1);
    expect(leases[0].provider).to.not.equal(cheapest.address);
    expect(scenario.server.logText()).to.contain(`provider ${cheapest.address} failed for group 1`);
    await scenario.finish([state]);
    await destroy(scenario.server, state!);
    const audit = await scenario.finish([]);
    expect(audit.active).to.deep.equal([]);
  });

  it("2b. every provider answers 5xx at manifest send: closes the deployment after the last one and reports each", async () => {
    scenario = await suite.start();
    for (const p of providers()) p.faults.gateway5xx(true);
    // reachability off: the status probe would otherwise exclude the failing gateways before any lease
    const { error } = await scenario.up("web", { sdl: webSdl(), ...FAST, bidPolicy: { ...FAST_POLICY, reachability: false } });
    expect(error?.message).to.match(/group 1: 3 providers failed before readiness/);
    for (const p of providers()) expect(error?.message).to.contain(p.address);
    expect(error?.message).to.match(/was closed and its deposit refunded/);
    const audit = await scenario.finish([]);
    expect(audit.active).to.deep.equal([]);
  });

  it("3a. the chosen provider accepts the manifest but never becomes ready (0/1 available): after readyTimeout its lease is closed and the next bid leased", async () => {
    const cheapest = providerNamed(suite.devnet, "sim-us-east");
    scenario = await suite.start();
    cheapest.faults.neverReady(true);
    const { state, error } = await scenario.up("web", { sdl: webSdl(), ...FAST, readyTimeout: 3, bidPolicy: FAST_POLICY });
    expect(error, error?.message).to.equal(undefined);
    const { dseq, leases } = scenario.outputs(state!) as { dseq: string; leases: Array<{ provider: string }> };
    expect(leases).to.have.length(1);
    expect(leases[0].provider).to.not.equal(cheapest.address);
    expect(scenario.server.logText()).to.contain(`provider ${cheapest.address} failed for group 1 (lease not ready after 3s (not ready: web 0/1))`);
    const onChain = await queryLeases(scenario.conn, { owner: scenario.wallet.address, dseq, provider: cheapest.address });
    expect(onChain.map((l) => l.lease?.state)).to.deep.equal([Lease_State.closed], "the never-ready provider's lease is closed");
    await destroy(scenario.server, state!);
    await scenario.finish([]);
  });

  it("3b. no provider ever becomes ready: after the third readyTimeout the deployment is closed, refunded and each failure reported", async () => {
    scenario = await suite.start();
    for (const p of providers()) p.faults.neverReady(true);
    const { error } = await scenario.up("web", { sdl: webSdl(), ...FAST, readyTimeout: 2, bidPolicy: FAST_POLICY });
    expect(error?.message).to.match(/group 1: 3 providers failed before readiness .*lease not ready after 2s \(not ready: web 0\/1\)/s);
    for (const p of providers()) expect(error?.message).to.contain(p.address);
    expect(error?.message).to.match(/was closed and its deposit refunded/);
    const audit = await scenario.finish([]);
    expect(audit.active).to.deep.equal([]);
  });

  it("3c. lease status answers 5xx after the manifest: retried until readyTimeout, then the next bid is leased", async () => {
    let first: string | undefined;
    scenario = await suite.start({
      onLog: (line) => {
        const m = /manifest accepted by (akash1[0-9a-z]+)/.exec(line.text);
        if (m && !first) {
          first = m[1];
          providers().find((p) => p.address === first)!.faults.gateway5xx(true);
        }
      },
    });
    const { state, error } = await scenario.up("web", { sdl: webSdl(), ...FAST, readyTimeout: 3, bidPolicy: { ...FAST_POLICY, reachability: false } });
    expect(error, error?.message).to.equal(undefined);
    const leases = scenario.outputs(state!).leases as Array<{ provider: string }>;
    expect(leases[0].provider).to.not.equal(first);
    expect(scenario.server.logText()).to.match(/lease not ready after 3s \(.*; last error: provider gateway \S+ answered 500/);
    await destroy(scenario.server, state!);
    await scenario.finish([]);
  });
});
