import { expect } from "chai";
import { decodeText, parsedSdl as parse, sampleSdl } from "./testing";

const problems = (text: string) => decodeText(text).issues.map((i) => ({ path: i.path, message: i.message }));


describe("sdl/schema (Go decoding rules)", () => {
  it("reads versions tolerantly like blang/semver, and 2.x >= 2.1 as 2.1", () => {
    expect(parse(sampleSdl((d) => (d.version = "2.0"))).version).to.equal("2.0");
    expect(parse("version: 2.0\n" + sampleSdl().split("\n").slice(1).join("\n")).versionText).to.equal("2.0");
    expect(parse(sampleSdl((d) => (d.version = "v2.1"))).version).to.equal("2.1");
    expect(problems(sampleSdl((d) => (d.version = "1.0")))[0]!.message).to.match(/unsupported version/);
  });

  it("keeps placement attribute values and signedBy entries as raw text, attributes sorted by key", () => {
    const text = sampleSdl().replace("  placement:\n    dc:\n", "  placement:\n    dc:\n      attributes:\n        zone: 1.0\n        Region: x\n      signedBy:\n        anyOf: [123]\n");
    const p = parse(text).profiles.placement.dc!;
    expect(p.attributes).to.deep.equal([{ key: "Region", value: "x" }, { key: "zone", value: "1.0" }]);
    expect(p.signedBy.anyOf).to.deep.equal(["123"]);
  });

  it("rejects zero, negative and malformed prices, and unknown top-level keys; ignores unknown service keys", () => {
    const price = (amount: unknown) => sampleSdl((d) => (d.profiles.placement.dc.pricing.web.amount = amount));
    expect(parse(price("0.5")).profiles.placement.dc!.pricing.web!.amount).to.equal("0.500000000000000000");
    expect(problems(price(0))[0]!.message).to.match(/amount is zero/);
    expect(problems(price(-1))[0]!.message).to.match(/negative/);
    expect(problems(price("1e3"))[0]!.path).to.equal("profiles.placement.dc.pricing.web.amount");
    expect(problems(sampleSdl((d) => (d.extra = 1)))[0]).to.deep.equal({ path: "extra", message: "unexpected field: not an SDL section" });
    expect(parse(sampleSdl((d) => (d.services.web.depends_on = ["db"]))).services.web!.image).to.equal("nginx:1.27");
  });

  it("rejects a scalar where Go expects a mapping or a list", () => {
    expect(problems(sampleSdl((d) => (d.services.web.params = "oops")))).to.deep.equal([{ path: "services.web.params", message: "must be a mapping (key: value pairs)" }]);
    expect(problems(sampleSdl((d) => (d.services.web.expose = "80")))[0]!.path).to.equal("services.web.expose");
    expect(problems(sampleSdl((d) => (d.profiles.compute.web.resources.gpu = "1")))[0]!.path).to.equal("profiles.compute.web.resources.gpu");
  });

  it("keeps the difference between an absent list (nil) and an empty one", () => {
    const s = parse(sampleSdl((d) => (d.services.web.command = []))).services.web!;
    expect(s.command).to.deep.equal([]);
    expect(s.args).to.equal(undefined);
  });
});
