import { expect } from "chai";
import { GroupSpec, MsgCreateDeployment } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { compileSdl } from "./compile";
import { groupSpecToJson } from "./proto";
import { sampleSdl } from "./testing";

describe("sdl/proto", () => {
  const compiled = compileSdl(sampleSdl((d) => (d.profiles.placement.dc.pricing.web.amount = "0.25")));

  it("gives chain-sdk GroupSpecs whose values are the decimal text the chain parses", () => {
    const g = compiled.groups[0]!;
    expect(new TextDecoder().decode(g.resources[0]!.resource!.cpu!.units!.val)).to.equal("500");
    expect(g.resources[0]!.price).to.deep.equal({ denom: "uact", amount: "0.250000000000000000" });
  });

  it("survives protobuf encoding inside MsgCreateDeployment (LegacyDec price scaled to 18 decimals)", () => {
    const msg = MsgCreateDeployment.fromPartial({
      id: { owner: "akash1xyz", dseq: 1 },
      groups: compiled.groups,
      hash: compiled.version,
      deposit: { amount: { denom: "uact", amount: "500000" }, sources: [1] },
    });
    const bytes = MsgCreateDeployment.encode(msg).finish();
    expect(Buffer.from(bytes).toString("latin1")).to.contain("250000000000000000");
    const decoded = MsgCreateDeployment.decode(bytes);
    expect(groupSpecToJson(decoded.groups[0]!)).to.deep.equal({
      ...groupSpecToJson(compiled.groups[0]!),
      resources: groupSpecToJson(compiled.groups[0]!).resources.map((u) => ({ ...u, price: { denom: "uact", amount: "0.25" } })),
    });
    expect(Buffer.from(decoded.hash).toString("hex")).to.equal(compiled.versionHex);
  });

  it("renders GroupSpecs in Go's readable JSON shape", () => {
    const json = groupSpecToJson(GroupSpec.fromPartial(compiled.groups[0]!));
    expect(json.resources[0]!.resource.memory).to.deep.equal({ size: { val: String(512 * 1024 ** 2) } });
    expect(json.resources[0]!.resource.endpoints).to.deep.equal([{ sequence_number: 0 }]);
    expect(json.requirements.signed_by).to.deep.equal({ all_of: null, any_of: null });
  });
});
