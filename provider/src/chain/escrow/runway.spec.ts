import { expect } from "chai";
import { escrowRunway, toDisplayUnits } from "./runway";

const now = new Date("2026-01-01T00:00:00Z");

describe("escrowRunway", () => {
  it("reproduces the research worked example (A.2)", () => {
    // 4,989,950 uact left at settled_at 1100, lease at 100.5 uact/block, asked at height 1100
    const r = escrowRunway({
      funds: [{ denom: "uact", amount: "4989950" }],
      settledAt: 1100,
      rates: [{ denom: "uact", amount: "100.5" }],
      height: 1100,
      now,
      blockTimeSeconds: 6,
    });
    expect(r).to.include({ denom: "uact", balance: "4989950", ratePerBlock: "100.5", runwayBlocks: 49651, estimatedCloseHeight: 1100 + 49651 });
    expect(r.runwayHours).to.be.closeTo((49651 * 6) / 3600, 1e-9);
    expect(r.estimatedCloseTime?.getTime()).to.equal(now.getTime() + 49651 * 6000);
  });

  it("subtracts what accrued since the last settlement, summing every lease", () => {
    const r = escrowRunway({
      funds: [{ denom: "uact", amount: "1000000" }],
      settledAt: 100,
      rates: [
        { denom: "uact", amount: "10" },
        { denom: "uact", amount: "15" },
      ],
      height: 200,
      now,
      blockTimeSeconds: 6.098,
    });
    expect(r.balance).to.equal("997500");
    expect(r.ratePerBlock).to.equal("25");
    expect(r.runwayBlocks).to.equal(39900);
  });

  it("ignores funds and rates in other denoms (uakt fallback deposits)", () => {
    const r = escrowRunway({
      funds: [
        { denom: "uact", amount: "100" },
        { denom: "uakt", amount: "999999" },
      ],
      settledAt: 0,
      rates: [{ denom: "uact", amount: "1" }],
      height: 0,
      now,
      blockTimeSeconds: 6,
    });
    expect(r.runwayBlocks).to.equal(100);
  });

  it("reports zero runway when the account is exhausted, and none when nothing pays out", () => {
    const dry = escrowRunway({ funds: [{ denom: "uact", amount: "50" }], settledAt: 0, rates: [{ denom: "uact", amount: "1" }], height: 80, now, blockTimeSeconds: 6 });
    expect(dry).to.include({ balance: "-30", runwayBlocks: 0, estimatedCloseHeight: 80 });
    const idle = escrowRunway({ funds: [{ denom: "uact", amount: "50" }], settledAt: 0, rates: [], height: 80, now, blockTimeSeconds: 6 });
    expect(idle.runwayBlocks).to.equal(undefined);
    expect(idle.balance).to.equal("50");
  });

  it("converts base units to display units", () => {
    expect(toDisplayUnits("5000000")).to.equal(5);
    expect(toDisplayUnits("1500000.5")).to.be.closeTo(1.5000005, 1e-12);
  });
});
