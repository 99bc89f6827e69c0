import { expect } from "chai";
import { check, diff } from "./hooks";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const olds = { dseq: "42", owner: "akash1owner", minRunwayHours: 24, targetRunwayHours: 72, balance: 5 };

// The diff paths decided without the chain (the chain-reading path is covered by test/resources/escrow.spec.ts).
describe("escrow hooks without the chain", () => {
  it("replaces for another deployment, updates for changed or unknown inputs", async () => {
    expect(await diff({}, "id", olds, { dseq: "43", minRunwayHours: 24, targetRunwayHours: 72 })).to.deep.include({ changes: true, replaces: ["dseq"] });
    expect(await diff({}, "id", olds, { dseq: "42", minRunwayHours: 12, targetRunwayHours: 72 })).to.deep.equal({ changes: true });
    expect(await diff({}, "id", olds, { dseq: UNKNOWN, minRunwayHours: 24, targetRunwayHours: 72 })).to.deep.equal({ changes: true });
  });

  it("checks inputs with defaults and names the fix", async () => {
    expect(await check({}, {}, { dseq: 42 })).to.deep.equal({ inputs: { dseq: "42", minRunwayHours: 24, targetRunwayHours: 72 } });
    const bad = await check({}, {}, { dseq: "42", minRunwayHours: 100 });
    expect(bad.failures).to.deep.equal([
      { property: "targetRunwayHours", reason: "targetRunwayHours must be at least minRunwayHours; raise targetRunwayHours or lower minRunwayHours" },
    ]);
    expect((await check({}, {}, { dseq: "0x1" })).failures?.[0]).to.deep.include({ property: "dseq" });
  });
});
