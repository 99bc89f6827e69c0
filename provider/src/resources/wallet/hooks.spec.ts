import { expect } from "chai";
import { check, diff } from "./hooks";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const olds = { address: "akash1owner", minAct: 20, targetAct: 50, maxAktPerRun: 100, mintTimeout: 600, actBalance: 30 };

// The paths decided without the chain (the balance-reading diff is covered by test/resources/wallet.spec.ts).
describe("wallet hooks without the chain", () => {
  it("plans an update for changed or unknown inputs, never a replacement", async () => {
    expect(await diff({}, "id", olds, { minAct: 20, targetAct: 60, maxAktPerRun: 100, mintTimeout: 600 })).to.deep.equal({ changes: true });
    expect(await diff({}, "id", olds, { minAct: UNKNOWN, targetAct: 50, maxAktPerRun: 100, mintTimeout: 600 })).to.deep.equal({ changes: true });
  });

  it("checks inputs with defaults; maxAktPerRun is required", async () => {
    expect(await check({}, {}, { minAct: 20, targetAct: 50, maxAktPerRun: 100 })).to.deep.equal({
      inputs: { minAct: 20, targetAct: 50, maxAktPerRun: 100, mintTimeout: 600 },
    });
    const failed = await check({}, {}, { minAct: 20, targetAct: 10, maxAktPerRun: 100 });
    expect(failed.failures).to.deep.equal([{ property: "targetAct", reason: "targetAct must be at least minAct; raise targetAct or lower minAct" }]);
  });
});
