import { expect } from "chai";
import { groupSpec } from "../market-common/fixtures";
import { groupPrice, groupSpecError, resourceValue, specFromJson, specToJson } from "./groupspec";

describe("deployment/groupspec", () => {
  it("prices a group as Σ unit price × count in the first unit's denom", () => {
    const spec = groupSpec({ price: "100.5", count: 3 });
    expect(groupPrice(spec)).to.deep.equal({ denom: "uact", amount: 301_500_000_000_000_000_000n });
  });

  it("accepts a valid group and words the first problem like chain-sdk", () => {
    expect(groupSpecError(groupSpec())).to.equal(undefined);
    expect(groupSpecError(groupSpec({ name: "" }))).to.equal("empty group spec name denomination");
    expect(groupSpecError(groupSpec({ cpuMillis: "400000" }))).to.equal("error: invalid unit CPU (384000 > 400000 > 384000 fails)");
    expect(groupSpecError(groupSpec({ price: "10000000.1" }))).to.equal("group dcloud: error: invalid unit price (10000000 > 10000000.100000000000000000uact fails)");
    expect(groupSpecError(groupSpec({ count: 0 }))).to.match(/^invalid total CPU/);
    const attrs = groupSpec();
    attrs.resources[0].resource!.cpu!.attributes = [{ key: "1bad", value: "x" }];
    expect(groupSpecError(attrs)).to.equal("error: invalid CPU attributes: attribute key does not match regexp");
    const dup = groupSpec();
    dup.resources.push(structuredClone(dup.resources[0]));
    expect(groupSpecError(dup)).to.equal("duplicate resources ID (1) within group");
  });

  it("reads ResourceValue bytes and survives a proto-JSON round trip", () => {
    expect(resourceValue({ val: new TextEncoder().encode("536870912") })).to.equal(536870912n);
    expect(resourceValue(undefined)).to.equal(0n);
    const spec = groupSpec({ price: "0.25" });
    expect(specFromJson(JSON.parse(JSON.stringify(specToJson(spec))))).to.deep.equal(spec);
  });
});
