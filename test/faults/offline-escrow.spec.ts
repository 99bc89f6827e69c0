// Fault matrix, scenarios 5 and 6: a provider offline at refresh and destroy (both work from chain state alone),
// and an escrow that runs dry (refresh reports it, the next up recreates it; akash.Escrow prevents it).
import { expect } from "chai";
import { Escrow } from "../../sdk";
import { destroy, makeUrn, refresh, registerWithMocks, up, type PropertyMap, type ResourceState } from "../harness";
import { waitFor } from "../client/helpers";
import { FAST, FAST_POLICY, faultProviderConfigs, Scenario, useFaultDevnet, webSdl } from "./support";

/**
 * The fault providers with an a100 at `perMainnetBlock` uact (~$65,000/month for 150,000): provider prices are
 * per mainnet block and rescaled to the devnet's 100 ms blocks, so a realistic price would drain 0.5 ACT in hours.
 */
function pricedA100(perMainnetBlock: number) {
  return faultProviderConfigs().map((c) => (c.pricing.gpuPerUnit ? { ...c, pricing: { ...c.pricing, gpuPerUnit: { ...c.pricing.gpuPerUnit, a100: perMainnetBlock } } } : c));
}

/** Two a100 GPUs (only sim-eu-central-gpu has them), priced by `pricedA100` so that 0.5 ACT lasts seconds. */
const GPU_SDL = `
version: "2.0"
services:
  trainer:
    image: pytorch/pytorch:2.4.0
    expose:
      - port: 8080
        to:
          - global: true
profiles:
  compute:
    trainer:
      resources:
        cpu: { units: 1 }
        memory: { size: 1Gi }
        storage: { size: 1Gi }
        gpu:
          units: 2
          attributes:
            vendor:
              nvidia:
                - model: a100
  placement:
    dcloud:
      pricing:
        trainer: { denom: uact, amount: 100000 }
deployment:
  trainer:
    dcloud:
      profile: trainer
      count: 1
`;

describe("fault matrix: offline provider, dry escrow (plugin + devnet)", function () {
  this.timeout(150_000);
  // Providers withdraw every second, which settles escrows, so a dry one closes promptly (as on mainnet, later).
  const suite = useFaultDevnet({ providers: pricedA100(150_000), providerTiming: { pollMs: 100, startupDelayMs: 100, withdrawPeriodMs: 1000 } });
  let scenario: Scenario;

  it("5. the lease's provider offline: refresh and destroy both succeed from chain state alone", async () => {
    scenario = await suite.start();
    const { state, error } = await scenario.up("web", { sdl: webSdl(), ...FAST, bidPolicy: FAST_POLICY });
    expect(error, error?.message).to.equal(undefined);
    const lease = (scenario.outputs(state!).leases as Array<{ provider: string }>)[0];
    await suite.devnet.providers!.providers.find((p) => p.address === lease.provider)!.faults.offline(true);

    const refreshed = await refresh(scenario.server, state!);
    expect(refreshed?.id).to.equal(state!.id);
    expect(scenario.outputs(refreshed!).state).to.equal("active");
    expect((scenario.outputs(refreshed!).leases as unknown[]).length).to.equal(1);
    scenario.seenStates.push(refreshed!);

    await destroy(scenario.server, refreshed!);
    const audit = await scenario.finish([]);
    expect(audit.active).to.deep.equal([]);
    expect(audit.closed).to.deep.equal([state!.id]);
  });

  async function escrowUp(s: Scenario, dseq: string, prior?: ResourceState) {
    const { registrations } = await registerWithMocks(() => new Escrow("runway", { dseq, minRunwayHours: 0.01, targetRunwayHours: 0.05 }));
    const inputs = Object.fromEntries(Object.entries(registrations[0].inputs).filter(([, v]) => v !== undefined)) as PropertyMap;
    const { state } = await up(s.server, makeUrn(registrations[0].type, "runway"), inputs, prior);
    s.seenStates.push(state);
    return state;
  }

  it("6. escrow runs dry: refresh reports it and the next up recreates it; akash.Escrow prevents it", async () => {
    scenario = await suite.start();
    const args = { sdl: GPU_SDL, deposit: 0.5, bidTimeout: FAST.bidTimeout, readyTimeout: FAST.readyTimeout, bidPolicy: { ...FAST_POLICY, minBids: 1 } };
    const { state, error } = await scenario.up("trainer", args);
    expect(error, error?.message).to.equal(undefined);
    const runwayMs = Date.parse((scenario.outputs(state!).escrow as { estimatedCloseTime: string }).estimatedCloseTime) - Date.now();
    expect(runwayMs).to.be.within(1000, 60_000);

    await waitFor(async () => (await scenario.listDeployments()).every((d) => d.deployment!.state !== 1), 60_000);
    expect(await refresh(scenario.server, state!)).to.equal(undefined);
    await scenario.server.flushLogs();
    expect(scenario.server.logText()).to.contain(`deployment ${state!.id}: closed on chain: its escrow account ran out of funds (insufficient_funds); it will be created again on the next up`);

    // The next up (refresh removed it from the stack) creates a new one.
    const again = await scenario.up("trainer", args);
    expect(again.error, again.error?.message).to.equal(undefined);
    expect(again.state!.id).to.not.equal(state!.id);

    // With an Escrow beside it, the same up keeps the escrow funded past the deposit's runway.
    const escrow = await escrowUp(scenario, again.state!.id);
    expect(scenario.outputs(escrow).lastTopUp as number).to.be.greaterThan(0);
    await new Promise((r) => setTimeout(r, runwayMs + 3000));
    const refreshed = await refresh(scenario.server, again.state!);
    expect(refreshed?.id).to.equal(again.state!.id);
    expect(scenario.outputs(refreshed!).state).to.equal("active");
    await destroy(scenario.server, escrow);
    await destroy(scenario.server, refreshed!);
    const audit = await scenario.finish([]);
    expect(audit.active).to.deep.equal([]);
    expect(audit.earnedUact > 0n).to.equal(true);
  });
});
