import { expect } from "chai";
import { decToNumber, divFloor, formatDec, parseDec } from "./decimal";

describe("decimal", () => {
  it("round-trips LegacyDec strings exactly", () => {
    for (const s of ["0", "1", "100", "5000000.5", "-12.25", "0.000000000000000001"]) {
      expect(formatDec(parseDec(s))).to.equal(s);
    }
    expect(formatDec(parseDec("100.500000000000000000"))).to.equal("100.5");
    expect(formatDec(parseDec(".5"))).to.equal("0.5");
  });

  it("rejects non-numbers", () => {
    expect(() => parseDec("abc")).to.throw("not a decimal");
    expect(() => parseDec("")).to.throw("not a decimal");
    expect(() => parseDec("-")).to.throw("not a decimal");
  });

  it("divides with floor semantics, also for negatives", () => {
    expect(divFloor(parseDec("7"), parseDec("2"))).to.equal(3n);
    expect(divFloor(parseDec("-7"), parseDec("2"))).to.equal(-4n);
    expect(divFloor(parseDec("4989950"), parseDec("100.5"))).to.equal(49651n);
    expect(decToNumber(parseDec("2.25"))).to.equal(2.25);
  });
});
