import { expect } from "chai";
import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { tenantSdl } from "../../sdl/testing";
import { groupDifferences } from "./groupPaths";
import { planDeployment } from "./plan";

const rules = { network: "devnet" as const, deploymentDenom: "uact", auditor: "akash13n2s6rg385vtxsfzd6ztm95nalm45fn92cg4gl" };
const plan = (opts: Parameters<typeof tenantSdl>[0], bidPolicy: Record<string, unknown> = { auditedOnly: false }) => planDeployment({ sdl: tenantSdl(opts), bidPolicy }, rules);
/** The groups as a chain query returns them (decoded from the wire: prices lose their 18 decimals). */
const onChain = (opts: Parameters<typeof tenantSdl>[0], bidPolicy?: Record<string, unknown>) =>
  plan(opts, bidPolicy).groups.map((g) => GroupSpec.decode(GroupSpec.encode(GroupSpec.fromPartial(g)).finish()));

describe("deployment groupPaths", () => {
  it("finds no difference between the chain's groups and the SDL they were created from, whatever the image", () => {
    expect(groupDifferences(onChain({}), plan({ image: "nginx:2" }))).to.deep.equal([]);
  });

  it("names the SDL path of each group field that differs", () => {
    expect(groupDifferences(onChain({}), plan({ count: 2 }))).to.deep.equal(["deployment.web.dcloud.count: 1 on chain, 2 in the SDL"]);
    expect(groupDifferences(onChain({}), plan({ price: 2000 }))).to.deep.equal(["profiles.placement.dcloud.pricing.web: the price differs"]);
    expect(groupDifferences(onChain({}), plan({ cpu: 1, memory: "1Gi" }))).to.deep.equal([
      "profiles.compute.web.resources.cpu: differs",
      "profiles.compute.web.resources.memory: differs",
    ]);
    expect(groupDifferences(onChain({}), plan({ attributes: "        region: us-east" }))).to.deep.equal(["profiles.placement.dcloud.attributes: the placement attributes differ"]);
    expect(groupDifferences(onChain({}), plan({}, { auditedOnly: true }))[0]).to.match(/^profiles\.placement\.dcloud\.signedBy \(or bidPolicy\.auditedOnly\/auditors\)/);
  });

  it("names a placement only one side has", () => {
    const renamed = plan({}).groups.map((g) => ({ ...g, name: "other" }));
    expect(groupDifferences(renamed, plan({}))).to.deep.equal([
      "profiles.placement.dcloud: the deployment has no group dcloud",
      "profiles.placement.other: the deployment has a group other that the SDL does not",
    ]);
  });
});
