import { expect } from "chai";
import { changedPaths, diffDeployment } from "./diff";
import { planDeployment } from "./plan";
import { webSdl } from "./plan.spec";

const rules = { network: "devnet" as const, deploymentDenom: "uact", auditor: "akash13n2s6rg385vtxsfzd6ztm95nalm45fn92cg4gl" };
const plan = (inputs: Record<string, unknown>) => planDeployment(inputs, rules);

describe("deployment diff", () => {
  it("is no change for the same SDL written differently", () => {
    const a = plan({ sdl: webSdl() });
    const b = plan({ sdl: webSdl().replace("cpu: { units: 0.5 }", "cpu:\n          units: 500m") });
    expect(diffDeployment(a, b)).to.deep.include({ kind: "none", replaceReasons: [] });
  });

  it("updates in place when only the manifest changes (image, env)", () => {
    const d = diffDeployment(plan({ sdl: webSdl() }), plan({ sdl: webSdl({ image: "nginx:1.26" }) }));
    expect(d.kind).to.equal("update");
    expect(d.changedInputs).to.deep.equal(["sdl"]);
    expect(diffDeployment(plan({ sdl: webSdl() }), plan({ sdl: webSdl(), secretEnv: { web: { K: "v" } } })).kind).to.equal("update");
  });

  it("replaces when the on-chain groups change, naming the SDL paths", () => {
    const d = diffDeployment(plan({ sdl: webSdl() }), plan({ sdl: webSdl({ count: 3, amount: 2000, image: "nginx:2" }) }));
    expect(d.kind).to.equal("replace");
    const reasons = d.replaceReasons.join("\n");
    expect(reasons).to.contain("sdl deployment.web.dcloud.count changed");
    expect(reasons).to.contain("sdl profiles.placement.dcloud.pricing.web.amount changed");
    expect(reasons).to.not.contain("image");
  });

  it("replaces when auditedOnly changes the placement, and for a lost lease", () => {
    expect(diffDeployment(plan({ sdl: webSdl() }), plan({ sdl: webSdl(), bidPolicy: { auditedOnly: false } })).replaceReasons[0]).to.match(/signedBy/);
    const lost = diffDeployment(plan({ sdl: webSdl() }), plan({ sdl: webSdl() }), "lease lost: group 1 closed");
    expect(lost).to.deep.include({ kind: "replace", replaceReasons: ["lease lost: group 1 closed"] });
  });

  it("leaves running leases alone when only the policy's client-side rules or timeouts change", () => {
    const d = diffDeployment(plan({ sdl: webSdl() }), plan({ sdl: webSdl(), bidPolicy: { minBids: 3 }, readyTimeout: 60 }));
    expect(d).to.deep.include({ kind: "update", replaceReasons: [] });
    expect(d.changedInputs).to.have.members(["bidPolicy", "readyTimeout"]);
  });

  it("lists changed paths of nested documents", () => {
    expect(changedPaths({ a: { b: [1, 2] }, c: 1 }, { a: { b: [1, 3] }, c: 1, d: 2 })).to.deep.equal(["a.b[1]", "d"]);
  });
});
