import { expect } from "chai";
import { requiredFees } from "./ante";

describe("chain/ante", () => {
  it("computes required fees as ceil(gas × min gas price) per denom", () => {
    expect(requiredFees(200_000, [{ denom: "uakt", amount: "0.0025" }])).to.deep.equal([{ denom: "uakt", amount: "500" }]);
    expect(requiredFees(1001, [{ denom: "uakt", amount: "0.0025" }])).to.deep.equal([{ denom: "uakt", amount: "3" }]);
    expect(requiredFees(100, [{ denom: "uakt", amount: "0" }])).to.deep.equal([]);
  });
});
