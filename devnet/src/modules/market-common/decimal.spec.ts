import { expect } from "chai";
import { formatDec, formatDecFixed, fromInt, parseDec, truncateDec, truncateInt } from "./decimal";

describe("market-common/decimal", () => {
  it("round-trips human decimals through atomics", () => {
    expect(parseDec("100.5")).to.equal(100_500_000_000_000_000_000n);
    expect(formatDec(parseDec("100.5"))).to.equal("100.5");
    expect(formatDec(parseDec("-0.000000000000000001"))).to.equal("-0.000000000000000001");
    expect(formatDec(0n)).to.equal("0");
    expect(formatDec(fromInt(5_000_000))).to.equal("5000000");
  });

  it("formats like Go LegacyDec.String for events", () => {
    expect(formatDecFixed(parseDec("1000.5"))).to.equal("1000.500000000000000000");
    expect(formatDecFixed(parseDec("-2"))).to.equal("-2.000000000000000000");
  });

  it("truncates toward zero", () => {
    expect(truncateInt(parseDec("10050.99"))).to.equal(10050n);
    expect(truncateInt(parseDec("-1.5"))).to.equal(-1n);
    expect(formatDec(truncateDec(parseDec("100.5") * 3n))).to.equal("301");
  });

  it("rejects malformed input and excess precision", () => {
    expect(() => parseDec("1e5")).to.throw(/invalid decimal/);
    expect(() => parseDec("0.0000000000000000001")).to.throw(/fractional digits/);
  });
});
