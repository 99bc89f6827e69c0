import { expect } from "chai";
import { IssueList } from "./errors";
import { buildGroups } from "./groups";
import { parsedSdl, sampleSdl, type SdlDoc } from "./testing";

function build(edit: (d: SdlDoc) => void) {
  const issues = new IssueList();
  const built = buildGroups(parsedSdl(sampleSdl(edit)), issues);
  return { ...built, issues: issues.issues };
}

const twoServicesOneProfile = (version: string) => (d: SdlDoc) => {
  d.version = version;
  d.services.api = { image: "api:1", expose: [{ port: 3000, to: [{ global: true }] }] };
  d.deployment.api = { dc: { profile: "web", count: 2 } };
};

describe("sdl/groups", () => {
  it("v2.0: one resource unit per service even when they share a compute profile", () => {
    const { groups, manifest } = build(twoServicesOneProfile("2.0"));
    expect(groups[0]!.resources.map((u) => [u.resource.id, u.count])).to.deep.equal([[1, 2], [2, 1]]);
    expect(manifest[0]!.services.map((s) => [s.name, s.resources.id])).to.deep.equal([["api", 1], ["web", 2]]);
  });

  it("v2.1: services sharing a placement and profile share one unit (counts summed, endpoints merged)", () => {
    const { groups, manifest } = build(twoServicesOneProfile("2.1"));
    expect(groups[0]!.resources.map((u) => [u.resource.id, u.count])).to.deep.equal([[1, 3]]);
    expect(groups[0]!.resources[0]!.resource.endpoints).to.deep.equal([{ kind: 1, sequence_number: 0 }, { sequence_number: 0 }]);
    expect(manifest[0]!.services.map((s) => [s.name, s.resources.id, s.count, s.resources.endpoints.length])).to.deep.equal([
      ["api", 1, 2, 1],
      ["web", 1, 1, 1],
    ]);
  });

  it("makes one group per placement, sorted, with placement attributes and signedBy", () => {
    const { groups, manifest } = build((d) => {
      d.profiles.placement.b = { attributes: { region: "eu" }, signedBy: { anyOf: ["akash1x"] }, pricing: { web: { denom: "uact", amount: 5 } } };
      d.deployment.web.b = { profile: "web", count: 1 };
    });
    expect(groups.map((g) => g.name)).to.deep.equal(["b", "dc"]);
    expect(groups[0]!.requirements).to.deep.equal({ signed_by: { all_of: null, any_of: ["akash1x"] }, attributes: [{ key: "region", value: "eu" }] });
    expect(groups[1]!.requirements.attributes).to.equal(null);
    expect(manifest.map((g) => g.name)).to.deep.equal(["b", "dc"]);
    expect(groups[0]!.resources[0]!.price).to.deep.equal({ denom: "uact", amount: "5.000000000000000000" });
  });

  it("projects the tee type as a placement attribute and rejects conflicting tee types", () => {
    const ok = build((d) => (d.services.web.params = { tee: "cpu" }));
    expect(ok.groups[0]!.requirements.attributes).to.deep.equal([{ key: "tee/type", value: "cpu" }]);
    const bad = build((d) => {
      twoServicesOneProfile("2.1")(d);
      d.profiles.compute.web.resources.gpu = { units: 1, attributes: { vendor: { nvidia: null } } };
      d.services.api.params = { tee: "cpu" };
      d.services.web.params = { tee: "cpu-gpu" };
    });
    expect(bad.issues.map((i) => i.path)).to.deep.equal(["services.web.params.tee"]);
    expect(bad.issues[0]!.message).to.match(/conflicting tee types/);
    const noGpu = build((d) => (d.services.web.params = { tee: "cpu-gpu" }));
    expect(noGpu.issues[0]!.message).to.match(/requires gpu resources/);
  });
});
