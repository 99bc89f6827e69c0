import { expect } from "chai";
import { Skipped } from "./decode";
import { decodeText, sampleSdl, type SdlDoc } from "./testing";

const decode = (edit: (d: SdlDoc) => void) => decodeText(sampleSdl(edit));
const paths = (edit: (d: SdlDoc) => void) => decode(edit).issues.map((i) => i.path);

describe("sdl/decode", () => {
  it("decodes each entry on its own: the good ones are kept, the bad ones reported and marked skipped", () => {
    const { decoded, issues } = decode((d) => {
      d.services.api = { image: ["not", "text"] };
      d.profiles.compute.big = { resources: { memory: { size: "1GB" } } };
      d.deployment.api = { dc: { profile: "big", count: "two" } };
    });
    expect(issues.map((i) => i.path)).to.deep.equal([
      "services.api.image",
      "profiles.compute.big.resources.memory.size",
      "deployment.api.dc.count",
    ]);
    const { sdl, skipped } = decoded!;
    expect(Object.keys(sdl.services)).to.deep.equal(["web"]);
    expect(Object.keys(sdl.profiles.compute)).to.deep.equal(["web"]);
    expect(Object.keys(sdl.deployment.api!)).to.deep.equal([]);
    expect([skipped.has("services", "api"), skipped.has("services", "web"), skipped.has("compute", "big"), skipped.has("deployment")]).to.deep.equal([true, false, true, true]);
    expect(skipped.names("compute")).to.deep.equal(["big"]);
  });

  it("reports a section that is not a mapping once, and skips all of it", () => {
    const { decoded, issues } = decode((d) => (d.profiles = "none"));
    expect(issues.map((i) => [i.path, i.message])).to.deep.equal([["profiles", "must be a mapping (key: value pairs)"]]);
    expect(decoded!.skipped.has("compute", "web")).to.equal(true);
    expect(decoded!.skipped.has("placement", "anything")).to.equal(true);
    expect(paths((d) => (d.deployment = ["web"]))).to.deep.equal(["deployment"]);
  });

  it("still decodes every entry when the version is unusable, but returns no SDL", () => {
    const { decoded, issues } = decode((d) => {
      d.version = "1.0";
      d.services.web.env = "A=1";
    });
    expect(decoded).to.equal(undefined);
    expect(issues.map((i) => i.path)).to.deep.equal(["version", "services.web.env"]);
  });

  it("rejects `reclamation:` left null like Go, which allocates the config before decoding it", () => {
    const { issues } = decodeText(`${sampleSdl()}reclamation:\n`);
    expect(issues.map((i) => [i.path, i.message])).to.deep.equal([
      ["reclamation.min_window", 'invalid reclamation min_window: "" is not a duration (expected e.g. 1h, 30m or 1h30m)'],
    ]);
    expect(issues[0]!.line).to.equal(sampleSdl().split("\n").length);
    expect(decode(() => undefined).decoded!.sdl.reclamation).to.equal(undefined);
    expect(decode((d) => (d.reclamation = { min_window: "1h" })).decoded!.sdl.reclamation).to.deep.equal({ minWindow: "1h", nanoseconds: 3600e9 });
  });

  it("gives every shape error a fix and rejects unknown top-level keys", () => {
    const { issues } = decode((d) => {
      d.services.web.env = "A=1";
      d.profiles.compute.web.resources.memory = "512Mi";
      d.extra = 1;
    });
    expect(issues.map((i) => [i.path, i.fix])).to.deep.equal([
      ["extra", "top-level keys are version, services, profiles, deployment, endpoints, include and reclamation"],
      ["services.web.env", 'write a list: one "- item" line per entry, indented below the key (or [a, b])'],
      ["profiles.compute.web.resources.memory", "write key: value pairs on the lines below, indented (or { key: value })"],
    ]);
  });

  it("Skipped: a wholly skipped section has every name", () => {
    const s = new Skipped();
    expect(s.has("services")).to.equal(false);
    s.add("services", "a");
    s.add("endpoints");
    expect([s.has("services"), s.has("services", "a"), s.has("services", "b"), s.has("endpoints", "x")]).to.deep.equal([true, true, false, true]);
  });
});
