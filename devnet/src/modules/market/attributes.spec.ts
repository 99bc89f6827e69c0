import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { expect } from "chai";
import { globMatch, matchRequirements, matchResourcesRequirements } from "./attributes";

const enc = (s: string) => ({ val: new TextEncoder().encode(s) });

function spec(partial: { attributes?: Array<{ key: string; value: string }>; allOf?: string[]; anyOf?: string[]; gpuAttrs?: Array<{ key: string; value: string }>; storageAttrs?: Array<{ key: string; value: string }> }) {
  return GroupSpec.fromPartial({
    name: "dcloud",
    requirements: { attributes: partial.attributes ?? [], signedBy: { allOf: partial.allOf ?? [], anyOf: partial.anyOf ?? [] } },
    resources: [
      {
        resource: {
          id: 1,
          cpu: { units: enc("100") },
          memory: { quantity: enc("134217728") },
          gpu: { units: enc(partial.gpuAttrs ? "1" : "0"), attributes: partial.gpuAttrs ?? [] },
          storage: [{ name: "default", quantity: enc("134217728"), attributes: partial.storageAttrs ?? [] }],
        },
        count: 1,
        price: { denom: "uact", amount: "100" },
      },
    ],
  });
}

describe("market/attributes", () => {
  it("globs like Go filepath.Match", () => {
    expect(globMatch("region", "region")).to.equal(true);
    expect(globMatch("capabilities/gpu/vendor/nvidia/model/*", "capabilities/gpu/vendor/nvidia/model/a100")).to.equal(true);
    expect(globMatch("capabilities/*", "capabilities/gpu/vendor")).to.equal(false);
    expect(globMatch("reg?on", "region")).to.equal(true);
    expect(globMatch("host[ab]", "hostb")).to.equal(true);
  });

  it("matches plain provider attributes as a subset", () => {
    const s = spec({ attributes: [{ key: "region", value: "us-west" }] });
    expect(matchRequirements(s, [{ key: "region", value: "us-west" }, { key: "tier", value: "1" }], [])).to.equal(true);
    expect(matchRequirements(s, [{ key: "region", value: "eu" }], [])).to.equal(false);
  });

  it("requires auditor-signed attributes when signed_by is set", () => {
    const s = spec({ attributes: [{ key: "region", value: "us-west" }], anyOf: ["akash1auditor"] });
    const attrs = [{ key: "region", value: "us-west" }];
    expect(matchRequirements(s, attrs, [])).to.equal(false);
    expect(matchRequirements(s, attrs, [{ auditor: "akash1other", attributes: attrs }])).to.equal(false);
    expect(matchRequirements(s, attrs, [{ auditor: "akash1auditor", attributes: attrs }])).to.equal(true);
    const all = spec({ attributes: [], allOf: ["akash1a", "akash1b"] });
    expect(matchRequirements(all, [], [{ auditor: "akash1a", attributes: [] }])).to.equal(false);
  });

  it("checks GPU models and storage classes against provider capabilities", () => {
    const gpu = spec({ gpuAttrs: [{ key: "vendor/nvidia/model/a100", value: "true" }] });
    expect(matchResourcesRequirements(gpu, [{ key: "capabilities/gpu/vendor/nvidia/model/a100", value: "true" }])).to.equal(true);
    expect(matchResourcesRequirements(gpu, [{ key: "capabilities/gpu/vendor/nvidia/model/t4", value: "true" }])).to.equal(false);
    const beta = spec({ storageAttrs: [{ key: "class", value: "beta2" }, { key: "persistent", value: "true" }] });
    const provider = [
      { key: "capabilities/storage/1/class", value: "beta2" },
      { key: "capabilities/storage/1/persistent", value: "true" },
    ];
    expect(matchResourcesRequirements(beta, provider)).to.equal(true);
    expect(matchResourcesRequirements(beta, [])).to.equal(false);
  });
});
