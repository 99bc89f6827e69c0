import { expect } from "chai";
import { GoScalar } from "./parse";
import { decodeBool, decodeString, decodeUint, resolvePlain } from "./scalars";

const plain = (v: string) => new GoScalar(v, false);
const quoted = (v: string) => new GoScalar(v, true);

describe("sdl/scalars (yaml.v3 decoding)", () => {
  it("resolves plain scalars like yaml.v3", () => {
    expect(resolvePlain("0x1F")).to.deep.equal({ tag: "int", value: 31n });
    expect(resolvePlain("010")).to.deep.equal({ tag: "int", value: 8n });
    expect(resolvePlain("0o17")).to.deep.equal({ tag: "int", value: 15n });
    expect(resolvePlain("1_000")).to.deep.equal({ tag: "int", value: 1000n });
    expect(resolvePlain("1.5")).to.deep.equal({ tag: "float", value: 1.5 });
    expect(resolvePlain("True")).to.deep.equal({ tag: "bool", value: true });
    expect(resolvePlain("yes")).to.deep.equal({ tag: "str", value: "yes" });
    expect(resolvePlain("2024-01-02").tag).to.equal("timestamp");
  });

  it("decodes any scalar into a string field by its raw text", () => {
    expect(decodeString(plain("1.0"))).to.deep.equal({ ok: true, value: "1.0" });
    expect(decodeString(undefined)).to.deep.equal({ ok: true, value: "" });
    expect(decodeString([]).ok).to.equal(false);
  });

  it("accepts the YAML 1.1 booleans Go accepts for bool fields, quoted or not", () => {
    for (const w of ["yes", "Yes", "on", "y", "ON"]) expect(decodeBool(plain(w))).to.deep.equal({ ok: true, value: true });
    for (const w of ["no", "off", "N"]) expect(decodeBool(quoted(w))).to.deep.equal({ ok: true, value: false });
    expect(decodeBool(plain("TRUE"))).to.deep.equal({ ok: true, value: true });
    expect(decodeBool(quoted("true")).ok).to.equal(false);
    expect(decodeBool(plain("maybe")).ok).to.equal(false);
  });

  it("decodes unsigned fields: ints, truncated floats; rejects quoted text, negatives and overflow", () => {
    expect(decodeUint(plain("80"), 32)).to.deep.equal({ ok: true, value: 80 });
    expect(decodeUint(plain("0x50"), 32)).to.deep.equal({ ok: true, value: 80 });
    expect(decodeUint(plain("80.9"), 32)).to.deep.equal({ ok: true, value: 80 });
    expect(decodeUint(undefined, 32)).to.deep.equal({ ok: true, value: 0 });
    expect(decodeUint(quoted("80"), 32).ok).to.equal(false);
    expect(decodeUint(plain("-1"), 32).ok).to.equal(false);
    expect(decodeUint(plain("4294967296"), 32).ok).to.equal(false);
  });
});
