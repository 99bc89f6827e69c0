import { expect } from "chai";
import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { AKASH_AUDITOR, applyAuditorRequirement, effectiveBidWindow, parseBidPolicy } from "./policy";

describe("bid policy", () => {
  it("fills the defaults", () => {
    const p = parseBidPolicy({});
    expect(p).to.deep.include({ auditedOnly: true, auditors: [AKASH_AUDITOR], minBids: 1, bidWindow: 60_000, strategy: "cheapest", reachability: true, denyProviders: [] });
    expect(parseBidPolicy(undefined).auditedOnly).to.equal(true);
  });

  const windows: Array<[input: unknown, ms: number]> = [
    [90, 90_000],
    ["90s", 90_000],
    ["2m", 120_000],
    ["500ms", 500],
    ["1.5m", 90_000],
  ];
  for (const [input, ms] of windows) {
    it(`reads bidWindow ${JSON.stringify(input)} as ${ms} ms`, () => {
      expect(parseBidPolicy({ bidWindow: input }).bidWindow).to.equal(ms);
    });
  }

  it("accepts a weighted strategy", () => {
    const p = parseBidPolicy({ strategy: { weighted: { price: 2, audited: 1, region: 0.5 } } });
    expect(p.strategy).to.deep.equal({ weighted: { price: 2, audited: 1, region: 0.5 } });
  });

  it("rejects an uptime weight, naming the supported weights, since nothing publishes uptime", () => {
    const bad = () => parseBidPolicy({ strategy: { weighted: { price: 1, uptime: 4 } } });
    expect(bad).to.throw(/bidPolicy\.strategy\.weighted: unsupported weight "uptime"; the supported weights are price, audited, region \(no provider, gateway or chain publishes uptime\)/);
    expect(() => parseBidPolicy({ strategy: { weighted: { latency: 1 } } })).to.throw(/unsupported weight "latency"; the supported weights are price, audited, region$/m);
  });

  it("names every bad field with its path", () => {
    const bad = () => parseBidPolicy({ minBids: 0, bidWindow: "soon", strategy: "fastest", colour: "red" }, "deployment.bidPolicy");
    expect(bad).to.throw(/deployment\.bidPolicy\.minBids/);
    expect(bad).to.throw(/deployment\.bidPolicy\.bidWindow: .*"90s"/);
    expect(bad).to.throw(/deployment\.bidPolicy\.strategy/);
    expect(bad).to.throw(/colour/);
  });

  it("clamps the bid window inside the provider's bid timeout and says so", () => {
    const long = parseBidPolicy({ bidWindow: "10m" });
    const clamped = effectiveBidWindow(long);
    expect(clamped.ms).to.equal(240_000);
    expect(clamped.warning).to.contain("clamped to 240s");
    expect(effectiveBidWindow(parseBidPolicy({ bidWindow: 30 }))).to.deep.equal({ ms: 30_000 });
    // a bid timeout shorter than the lease margin still leaves a 1 s window
    expect(effectiveBidWindow(parseBidPolicy({ bidWindow: 30 }), 20_000).ms).to.equal(1000);
  });

  it("adds the auditors to every placement's signedBy.anyOf without duplicates or mutation", () => {
    const groups = [
      GroupSpec.fromPartial({ name: "a", requirements: { signedBy: { anyOf: ["akash1other"], allOf: ["akash1all"] }, attributes: [{ key: "region", value: "us-west" }] } }),
      GroupSpec.fromPartial({ name: "b", requirements: { signedBy: { anyOf: [AKASH_AUDITOR], allOf: [] }, attributes: [] } }),
      { name: "c", requirements: undefined, resources: [] },
    ];
    const out = applyAuditorRequirement(groups, { auditedOnly: true, auditors: [AKASH_AUDITOR] });
    expect(out[0].requirements!.signedBy!.anyOf).to.deep.equal(["akash1other", AKASH_AUDITOR]);
    expect(out[0].requirements!.signedBy!.allOf).to.deep.equal(["akash1all"]);
    expect(out[0].requirements!.attributes).to.deep.equal([{ key: "region", value: "us-west" }]);
    expect(out[1].requirements!.signedBy!.anyOf).to.deep.equal([AKASH_AUDITOR]);
    expect(out[2].requirements!.signedBy!.anyOf).to.deep.equal([AKASH_AUDITOR]);
    expect(groups[0].requirements!.signedBy!.anyOf).to.deep.equal(["akash1other"]);
    // encodes as a valid GroupSpec
    expect(GroupSpec.decode(GroupSpec.encode(out[2]).finish()).requirements!.signedBy!.anyOf).to.deep.equal([AKASH_AUDITOR]);
  });

  it("leaves placements alone when audited providers are not required", () => {
    const groups = [GroupSpec.fromPartial({ name: "a", requirements: { signedBy: { anyOf: [], allOf: [] }, attributes: [] } })];
    expect(applyAuditorRequirement(groups, { auditedOnly: false, auditors: [AKASH_AUDITOR] })[0].requirements!.signedBy!.anyOf).to.deep.equal([]);
  });
});
