import { expect } from "chai";
import { escrowRunway } from "../../chain/escrow/runway";
import { toBaseUnits, planTopUp, runwayOutputs } from "./top-up";

const now = new Date("2026-01-01T00:00:00Z");
// 6 s blocks: 600 blocks per hour. 100 uact/block = 60,000 uact per hour.
const runwayOf = (fundsUact: string, rate = "100") =>
  escrowRunway({ funds: [{ denom: "uact", amount: fundsUact }], settledAt: 0, rates: [{ denom: "uact", amount: rate }], height: 0, now, blockTimeSeconds: 6 });
const policy = { minRunwayHours: 24, targetRunwayHours: 72 };

describe("escrow top-up plan", () => {
  it("tops up to the target runway when below the minimum", () => {
    const plan = planTopUp(runwayOf("600000"), 6, policy); // 10 h left
    expect(plan).to.deep.include({ due: true, capped: false, amountUact: 72n * 60_000n - 600_000n });
    expect(plan.reason).to.equal("runway 10.00 h is below minRunwayHours 24");
  });

  it("does nothing at or above the minimum, or when no lease pays", () => {
    expect(planTopUp(runwayOf(String(24 * 60_000)), 6, policy)).to.deep.include({ due: false });
    const idle = escrowRunway({ funds: [{ denom: "uact", amount: "5" }], settledAt: 0, rates: [], height: 0, now, blockTimeSeconds: 6 });
    expect(planTopUp(idle, 6, policy)).to.deep.equal({ due: false, reason: "no active lease pays from this escrow" });
  });

  it("caps the deposit at maxTopUp and rounds fractional rates up to whole uact", () => {
    expect(planTopUp(runwayOf("0"), 6, { ...policy, maxTopUp: 1.5 })).to.deep.include({ due: true, amountUact: 1_500_000n, capped: true });
    const fractional = planTopUp(runwayOf("0", "0.5"), 6, { minRunwayHours: 1, targetRunwayHours: 1.001 });
    expect(fractional).to.deep.include({ amountUact: 301n }); // 601 blocks x 0.5
  });

  it("gives ACT outputs, null runway while idle", () => {
    expect(runwayOutputs(runwayOf("1500000"))).to.deep.equal({
      balance: 1.5,
      ratePerBlock: 0.0001,
      runwayHours: 25,
      estimatedCloseTime: "2026-01-02T01:00:00.000Z",
    });
    const idle = escrowRunway({ funds: [{ denom: "uact", amount: "5" }], settledAt: 0, rates: [], height: 0, now, blockTimeSeconds: 6 });
    expect(runwayOutputs(idle)).to.include({ runwayHours: null, estimatedCloseTime: null });
    expect(toBaseUnits(1.005)).to.equal(1_005_000n); // 1.005 * 1e6 is 1004999.9999999999 in floating point
  });
});
