import { expect } from "chai";
import { decFromNumber, formatDec, mulDec, parseDec } from "./dec";

describe("providers/dec", () => {
  it("parses DecCoin amounts in both forms and formats them back without trailing zeros", () => {
    expect(parseDec("1000")).to.equal(parseDec("1000.000000000000000000"));
    expect(formatDec(parseDec("12.5"))).to.equal("12.5");
    expect(formatDec(parseDec("0.000000000000000001"))).to.equal("0.000000000000000001");
    expect(() => parseDec("-1")).to.throw(/invalid decimal/);
  });

  it("converts configuration numbers exactly and multiplies", () => {
    expect(formatDec(decFromNumber(0.1))).to.equal("0.1");
    expect(formatDec(decFromNumber(1e-7))).to.equal("0.0000001");
    expect(formatDec(mulDec(decFromNumber(0.1), decFromNumber(3)))).to.equal("0.3");
  });
});
