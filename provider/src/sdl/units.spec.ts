import { expect } from "chai";
import { binarySuffixes, byteSize, byteSuffixes, compareDec, cpuMillis, goDuration, gpuUnits, legacyDec } from "./units";

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe("sdl/units (Go rounding and suffixes)", () => {
  it("computes CPU millicores by truncating float x 1000 (not TS's 1004.9999999999999)", () => {
    expect(value(cpuMillis("1.005"))).to.equal(1004);
    expect(value(cpuMillis("0.0005"))).to.equal(0);
    expect(value(cpuMillis("100m"))).to.equal(100);
    expect(value(cpuMillis("2"))).to.equal(2000);
    expect(cpuMillis("-100m").ok).to.equal(false);
    expect(cpuMillis("-0.5").ok).to.equal(false);
    expect(cpuMillis("1.5m").ok).to.equal(false);
  });

  it("parses sizes with Go's case-sensitive suffixes and truncation", () => {
    expect(value(byteSize("1.1Gi", byteSuffixes))).to.equal(1181116006);
    expect(value(byteSize("1G", byteSuffixes))).to.equal(1e9);
    expect(value(byteSize("512Mi", byteSuffixes))).to.equal(512 * 1024 ** 2);
    expect(value(byteSize("1073741824", byteSuffixes))).to.equal(1073741824);
    for (const bad of ["1Gb", "16GB", "1gi", "Mi", "-1Gi"]) expect(byteSize(bad, byteSuffixes).ok, bad).to.equal(false);
    expect(byteSize("80G", binarySuffixes).ok).to.equal(false);
  });

  it("parses GPU counts as strict unsigned integers", () => {
    expect(value(gpuUnits("2"))).to.equal(2);
    expect(gpuUnits("1.0").ok).to.equal(false);
  });

  it("parses prices as LegacyDec with 18 decimals", () => {
    expect(value(legacyDec("50")).text).to.equal("50.000000000000000000");
    expect(value(legacyDec("0.25")).text).to.equal("0.250000000000000000");
    expect(value(legacyDec("0")).zero).to.equal(true);
    expect(value(legacyDec("-3")).negative).to.equal(true);
    for (const bad of [".5", "5.", "1e3", "0.1234567890123456789", ""]) expect(legacyDec(bad).ok, bad).to.equal(false);
    expect(compareDec("10000000.000000000000000001", "10000000.000000000000000000")).to.equal(1);
  });

  it("parses Go durations", () => {
    expect(value(goDuration("1h30m"))).to.equal(90 * 60e9);
    expect(value(goDuration("0"))).to.equal(0);
    expect(value(goDuration("1.5s"))).to.equal(1.5e9);
    for (const bad of ["abc", "10", "1d", ""]) expect(goDuration(bad).ok, bad).to.equal(false);
  });
});
