import { expect } from "chai";
import { attributesAnyOf, attributesSubsetOf, capabilitiesGroups, capabilitiesMap, globMatch } from "./attributes";

describe("providers/attributes", () => {
  it("matches keys like Go filepath.Match", () => {
    expect(globMatch("region", "region")).to.equal(true);
    expect(globMatch("vendor/nvidia/model/*", "vendor/nvidia/model/a100")).to.equal(true);
    expect(globMatch("vendor/nvidia/model/*", "vendor/nvidia/model/a100/ram/80Gi")).to.equal(false);
    expect(globMatch("reg?on", "region")).to.equal(true);
    expect(globMatch("tier", "tiers")).to.equal(false);
    expect(globMatch("a.b", "axb")).to.equal(false);
    expect(globMatch("[rt]ier", "tier")).to.equal(true);
  });

  it("requires every requirement to be matched, key and value", () => {
    const provider = [
      { key: "region", value: "us-west" },
      { key: "tier", value: "community" },
    ];
    expect(attributesSubsetOf([{ key: "region", value: "us-west" }], provider)).to.equal(true);
    expect(attributesSubsetOf([{ key: "region", value: "us-east" }], provider)).to.equal(false);
    expect(attributesSubsetOf([], provider)).to.equal(true);
    expect(attributesSubsetOf([{ key: "region", value: "us-west" }, { key: "host", value: "akash" }], provider)).to.equal(false);
    expect(attributesAnyOf([{ key: "region", value: "eu" }, { key: "tier", value: "community" }], provider)).to.equal(true);
  });

  it("groups storage capabilities by index and flattens GPU capabilities", () => {
    const attrs = [
      { key: "capabilities/storage/1/class", value: "beta2" },
      { key: "capabilities/storage/1/persistent", value: "true" },
      { key: "capabilities/storage/2/class", value: "ram" },
      { key: "capabilities/gpu/vendor/nvidia/model/a100", value: "true" },
      { key: "capabilities/gpu/vendor/nvidia/model/a100/ram/80Gi", value: "true" },
      { key: "region", value: "x" },
    ];
    const storage = capabilitiesGroups(attrs, "storage");
    expect(storage).to.have.length(2);
    expect(storage).to.deep.include([
      { key: "class", value: "beta2" },
      { key: "persistent", value: "true" },
    ]);
    expect(capabilitiesMap(attrs, "gpu")).to.deep.equal([
      [
        { key: "vendor/nvidia/model/a100", value: "true" },
        { key: "vendor/nvidia/model/a100/ram/80Gi", value: "true" },
      ],
    ]);
  });
});
