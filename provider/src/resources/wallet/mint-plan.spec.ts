import { expect } from "chai";
import { afterSpread, planMint } from "./mint-plan";

const terms = { aktPriceInAct: "2", mintSpreadBps: 25, minMintUact: 10_000_000n };
const policy = { minAct: 20, targetAct: 50, maxAktPerRun: 100 };

describe("wallet mint plan", () => {
  it("burns enough AKT for the wallet to reach targetAct after the spread", () => {
    const plan = planMint(5_000_000n, policy, terms);
    if (!plan.due) throw new Error("expected a mint");
    // 45 ACT wanted -> 45.112782 ACT before a 0.25 % spread -> 22.556391 AKT at 2 ACT/AKT
    expect(plan.burnUakt).to.equal(22_556_391n);
    expect(plan.expectedUact >= 45_000_000n).to.equal(true);
    expect(plan.expectedUact - 45_000_000n < 10n).to.equal(true);
    expect(plan.capped).to.equal(false);
  });

  it("does not mint at or above minAct", () => {
    expect(planMint(20_000_000n, policy, terms)).to.deep.include({ due: false });
  });

  it("mints at least the chain's minimum (smaller mints would be refunded)", () => {
    const plan = planMint(19_000_000n, { ...policy, targetAct: 21 }, terms);
    expect(plan).to.deep.include({ due: true, burnUakt: 5_000_000n });
  });

  it("caps the burn at maxAktPerRun, and refuses a cap that cannot reach the minimum mint", () => {
    expect(planMint(0n, { ...policy, maxAktPerRun: 10 }, terms)).to.deep.include({ due: true, burnUakt: 10_000_000n, capped: true });
    expect(() => planMint(0n, { ...policy, maxAktPerRun: 4 }, terms)).to.throw(/maxAktPerRun 4 AKT mints only 8 ACT.*raise maxAktPerRun/);
  });

  it("keeps the spread the chain keeps", () => {
    expect(afterSpread(10_000_000n, 25)).to.equal(9_975_000n);
    expect(afterSpread(10_000_000n, 0)).to.equal(10_000_000n);
  });
});
