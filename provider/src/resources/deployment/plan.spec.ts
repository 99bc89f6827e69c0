import { expect } from "chai";
import { planDeployment, PlanError, withSecretEnv, maxPricePerBlock } from "./plan";
import { compileSdl } from "../../sdl";
import { tenantSdl } from "../../sdl/testing";

const rules = { network: "devnet" as const, deploymentDenom: "uact", auditor: "akash13n2s6rg385vtxsfzd6ztm95nalm45fn92cg4gl" };

export const webSdl = (opts: { image?: string; denom?: string; count?: number; amount?: number } = {}) =>
  tenantSdl({ image: opts.image, denom: opts.denom, count: opts.count, price: opts.amount, env: ["MODE=demo"] });

function failuresOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(PlanError);
    return (error as PlanError).failures;
  }
  return expect.fail("expected a PlanError");
}

describe("deployment plan", () => {
  it("applies defaults, the network auditor and prices the SDL's ceiling", () => {
    const plan = planDeployment({ sdl: webSdl({ count: 2 }) }, rules);
    expect(plan.inputs).to.include({ deposit: 5, bidTimeout: 180, readyTimeout: 600 });
    expect(plan.policy.auditedOnly).to.equal(true);
    expect(plan.groups[0].requirements?.signedBy?.anyOf).to.deep.equal([rules.auditor]);
    // 1000 uact/block x 2 units = 2000 uact/block = 0.002 ACT; x blocks per month at 6.098 s.
    expect(maxPricePerBlock(plan.groups)).to.equal(2000);
    expect(plan.estimatedMaxMonthlyUsd).to.be.closeTo(0.002 * ((30.437 * 86400) / 6.098), 0.01);
  });

  it("refuses uakt pricing on networks that need uact, naming the fix", () => {
    const [failure] = failuresOf(() => planDeployment({ sdl: webSdl({ denom: "uakt" }), sdlPath: "deploy.yaml" }, rules));
    expect(failure.property).to.equal("sdl");
    expect(failure.reason).to.match(/deploy\.yaml: .*uses uakt.*only accepts uact.*set every pricing denom to uact/);
  });

  it("reports SDL, policy and input problems together", () => {
    const failures = failuresOf(() =>
      planDeployment({ sdl: webSdl().replace("profile: web", "profile: nope"), bidPolicy: { minBids: 0 }, sdlPath: "x.yaml" }, rules),
    );
    expect(failures.map((f) => f.property)).to.include("sdl");
    const unknownInput = failuresOf(() => planDeployment({ sdl: webSdl(), deposit: 0.1, colour: "red" }, rules));
    expect(unknownInput.map((f) => f.reason).join("\n")).to.match(/unknown input colour/).and.match(/at least 0.5 ACT/);
    const policy = failuresOf(() => planDeployment({ sdl: webSdl(), bidPolicy: { minBids: 0 } }, rules));
    expect(policy[0]).to.include({ property: "bidPolicy" });
  });

  it("merges secret env into the manifest and its hash, never into a failure message", () => {
    const compiled = compileSdl(webSdl());
    const merged = withSecretEnv(compiled, { web: { API_KEY: "s3cr3t-value" } });
    expect(merged.versionHex).to.not.equal(compiled.versionHex);
    expect(merged.manifestJson).to.contain("API_KEY=s3cr3t-value");
    expect(merged.groups).to.deep.equal(compiled.groups);
    const failures = failuresOf(() => withSecretEnv(compiled, { web: { MODE: "s3cr3t-value" }, db: { X: "s3cr3t-value" } }));
    expect(failures.map((f) => f.property)).to.deep.equal(["secretEnv.db", "secretEnv.web.MODE"]);
    expect(JSON.stringify(failures)).to.not.contain("s3cr3t-value");
  });
});
