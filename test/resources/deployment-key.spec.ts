// The resourceKey the SDK gives a Deployment (its crash-recovery identity, see recovery.ts), under Pulumi's mocks:
// a top-level one keeps <project>/<stack>/<name>, so existing stacks keep finding their unfinished deployments;
// one under a parent carries the parent's URN, so same-named children of different parents do not share a key.
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { Deployment } from "../../sdk";
import { tenantSdl } from "../../provider/src/sdl/testing";
import { registerWithMocks, resolveOutput } from "../harness";

const sdl = tenantSdl({ image: "nginx:1.27" });

/** A component owning a Deployment named "web", as a user's program might define one. */
class App extends pulumi.ComponentResource {
  readonly web: Deployment;
  constructor(type: string, name: string, opts?: pulumi.ComponentResourceOptions) {
    super(type, name, {}, opts);
    this.web = new Deployment("web", { sdl }, { parent: this });
    this.registerOutputs({});
  }
}

/** The resourceKey each Deployment registered, by its URN (mocks echo the registered inputs as its properties). */
async function keysOf(make: () => Deployment[], options: { preview?: boolean } = {}): Promise<Record<string, string>> {
  let deployments: Deployment[] = [];
  await registerWithMocks(() => (deployments = make()), { project: "shop", stack: "prod", ...options });
  const entries = deployments.map(async (d) => {
    const registered = d as unknown as { resourceKey: pulumi.Output<string> };
    return [(await resolveOutput(d.urn)).value!, (await resolveOutput(registered.resourceKey)).value!] as const;
  });
  return Object.fromEntries(await Promise.all(entries));
}

describe("akash.Deployment resourceKey (SDK under mocks)", () => {
  it("keeps <project>/<stack>/<name> at the top level, also with the stack as explicit parent", async () => {
    const keys = await keysOf(() => [new Deployment("web", { sdl })]);
    expect(keys).to.deep.equal({ "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/akash:Deployment::web": "shop/prod/web" });
    const stack = await keysOf(() => [new Deployment("web", { sdl }, { parent: new pulumi.ComponentResource("pulumi:pulumi:Stack", "shop-prod") })]);
    expect(Object.values(stack)).to.deep.equal(["shop/prod/web"]);
  });

  it("gives same-named children of different parents different keys: the parent's URN, then the name", async () => {
    const keys = await keysOf(() => [new App("shop:index:Storefront", "eu").web, new App("shop:index:Backoffice", "eu").web]);
    expect(Object.values(keys)).to.deep.equal([
      "urn:pulumi:prod::shop::shop:index:Storefront::eu/web",
      "urn:pulumi:prod::shop::shop:index:Backoffice::eu/web",
    ]);
    // Each key names its resource as exactly as its URN does, and the log name (the last segment) stays "web".
    for (const [urn, key] of Object.entries(keys)) {
      expect(urn).to.match(/\$pulumi-nodejs:dynamic\/akash:Deployment::web$/);
      expect(String(key).split("/").pop()).to.equal("web");
    }
  });

  it("is known in preview, and an explicit resourceKey wins", async () => {
    const preview = await keysOf(() => [new App("shop:index:Storefront", "eu").web], { preview: true });
    expect(Object.values(preview)).to.deep.equal(["urn:pulumi:prod::shop::shop:index:Storefront::eu/web"]);
    const explicit = await keysOf(() => [new Deployment("web", { sdl, resourceKey: "shop/prod/web" }, { parent: new pulumi.ComponentResource("shop:index:Storefront", "us") })]);
    expect(Object.values(explicit)).to.deep.equal(["shop/prod/web"]);
  });
});
