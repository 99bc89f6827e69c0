import { createHash } from "node:crypto";
import { expect } from "chai";
import { manifestVersion, sortedManifestJson } from "./hash";

describe("sdl/hash (Go json.Marshal + SortJSON + sha256)", () => {
  it("sorts keys at every level in byte order, compact", () => {
    expect(sortedManifestJson({ b: 1, a: [{ z: null, Y: true }], A: "x" })).to.equal('{"A":"x","a":[{"Y":true,"z":null}],"b":1}');
  });

  it("escapes < > & U+2028 U+2029 like Go's HTML-safe encoder, leaves other non-ASCII raw", () => {
    expect(sortedManifestJson(["<a & b>", "x\u2028y\u2029", "é", "\n\t\u0001"])).to.equal(
      '["\\u003ca \\u0026 b\\u003e","x\\u2028y\\u2029","é","\\n\\t\\u0001"]',
    );
  });

  it("replaces lone surrogates with U+FFFD as Go's decoder does", () => {
    expect(sortedManifestJson("a\ud800b")).to.equal('"a\ufffdb"');
  });

  it("hashes the sorted bytes with sha256", () => {
    const m = [{ name: "g", services: [] }];
    const expected = createHash("sha256").update('[{"name":"g","services":[]}]').digest("hex");
    expect(Buffer.from(manifestVersion(m)).toString("hex")).to.equal(expected);
    expect(manifestVersion(m)).to.have.length(32);
  });

  it("is stable under a JSON round trip (what the provider re-hashes)", () => {
    const m = { env: ["A=<&>", "B=\u2028"], n: 65535, nested: { b: [1, 2], a: false } };
    const once = sortedManifestJson(m);
    expect(sortedManifestJson(JSON.parse(once))).to.equal(once);
  });
});
