import { expect } from "chai";
import { goByteString, requiredFees } from "./ante";

describe("chain/ante", () => {
  it("computes required fees as ceil(gas × min gas price) per denom", () => {
    expect(requiredFees(200_000, [{ denom: "uakt", amount: "0.0025" }])).to.deep.equal([{ denom: "uakt", amount: "500" }]);
    expect(requiredFees(1001, [{ denom: "uakt", amount: "0.0025" }])).to.deep.equal([{ denom: "uakt", amount: "3" }]);
    expect(requiredFees(100, [{ denom: "uakt", amount: "0" }])).to.deep.equal([]);
  });

  it("renders bytes the way Go's %s reaches a JSON client: valid UTF-8 kept, each invalid byte as U+FFFD", () => {
    expect(goByteString(Uint8Array.from([0x41, 0xc3, 0xa9, 0x42]))).to.equal("AéB");
    expect(goByteString(Uint8Array.from([0xe2, 0x82, 0x41, 0xff, 0xc0, 0xaf]))).to.equal("\ufffd\ufffdA\ufffd\ufffd\ufffd");
  });
});
