import { expect } from "chai";
import { decFromInt, decFromString, decMul, decQuo, decToString, decTruncate } from "./dec";

describe("bme LegacyDec arithmetic", () => {
  it("parses and prints with 18 decimals", () => {
    expect(decToString(decFromString("1.14"))).to.equal("1.140000000000000000");
    expect(decToString(decFromString("-0.5"))).to.equal("-0.500000000000000000");
    expect(() => decFromString("1.2.3")).to.throw(/invalid decimal/);
  });

  it("rounds Mul and Quo half to even like chopPrecisionAndRound", () => {
    // 0.000000000000000005 * 0.1 = 5e-19 -> exactly half of the last digit: rounds to even (0)
    expect(decMul(decFromString("0.000000000000000005"), decFromString("0.1"))).to.equal(0n);
    // 0.000000000000000015 * 0.1 = 1.5e-18 -> rounds to even (2e-18)
    expect(decMul(decFromString("0.000000000000000015"), decFromString("0.1"))).to.equal(2n);
    expect(decToString(decQuo(decFromInt(1n), decFromInt(3n)))).to.equal("0.333333333333333333");
    expect(decToString(decQuo(decFromInt(2n), decFromInt(3n)))).to.equal("0.666666666666666667");
  });

  it("truncates toward zero", () => {
    expect(decTruncate(decFromString("19.999"))).to.equal(19n);
    expect(decTruncate(decFromString("-19.999"))).to.equal(-19n);
  });
});
