import { expect } from "chai";
import { decFromNumber, formatDec, mulDec, parseDec } from "./dec";

describe("providers/dec", () => {
  it("parses DecCoin amounts in both forms and formats them as LegacyDec (18 decimals)", () => {
    expect(parseDec("1000")).to.equal(parseDec("1000.000000000000000000"));
    expect(formatDec(parseDec("12.5"))).to.equal("12.500000000000000000");
    expect(formatDec(parseDec("0.000000000000000001"))).to.equal("0.000000000000000001");
    expect(() => parseDec("-1")).to.throw(/invalid decimal/);
  });

  it("converts configuration numbers by their shortest decimal form, exactly, and multiplies", () => {
    expect(formatDec(decFromNumber(0.1))).to.equal("0.100000000000000000");
    expect(formatDec(decFromNumber(1e-7))).to.equal("0.000000100000000000");
    expect(formatDec(decFromNumber(1e21))).to.equal("1000000000000000000000.000000000000000000");
    expect(formatDec(decFromNumber(2.8326))).to.equal("2.832600000000000000");
    expect(formatDec(mulDec(decFromNumber(0.1), decFromNumber(3)))).to.equal("0.300000000000000000");
  });
});
