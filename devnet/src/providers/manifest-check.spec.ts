import { expect } from "chai";
import { manifestVersion } from "../../../provider/src/sdl";
import { parityCase } from "./fixtures";
import { HttpError } from "./http-error";
import { checkManifest } from "./manifest-check";
import { orderSpecFromGroupSpec } from "./order-spec";

function expectRefusal(fn: () => unknown, status: number, message: string | RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(HttpError);
    expect((e as HttpError).status).to.equal(status);
    if (typeof message === "string") expect((e as HttpError).message).to.equal(message);
    else expect((e as HttpError).message).to.match(message);
    return;
  }
  expect.fail("expected the manifest to be refused");
}

describe("providers/manifest-check", () => {
  for (const name of ["simple", "multiple-services", "gpu-basic", "ip-endpoint", "persistent-storage", "port-ranges", "http-options"]) {
    it(`accepts the Go-generated manifest of ${name} against its on-chain groups and hash`, () => {
      const fixture = parityCase("v2.0", name);
      const groups = checkManifest(fixture.manifestJson, { hash: fixture.hash, groups: fixture.groups.map(orderSpecFromGroupSpec) }, manifestVersion);
      expect(groups.map((g) => g.name)).to.deep.equal(fixture.groups.map((g) => g.name));
    });
  }

  it("refuses a manifest whose hash is not the deployment's version (422)", () => {
    const fixture = parityCase("v2.0", "simple");
    const changed = fixture.manifestJson.replace('"image":"nginx"', '"image":"nginx:1.27"');
    expectRefusal(() => checkManifest(changed, { hash: fixture.hash, groups: fixture.groups.map(orderSpecFromGroupSpec) }, manifestVersion), 422, "manifest version validation failed");
  });

  it("refuses a manifest that does not fit the on-chain groups even with a matching hash", () => {
    const fixture = parityCase("v2.0", "simple");
    const manifest = JSON.parse(fixture.manifestJson);
    manifest[0].services[0].count = 3; // the group leases 2 replicas
    const body = JSON.stringify(manifest);
    expectRefusal(
      () => checkManifest(body, { hash: manifestVersion(manifest), groups: fixture.groups.map(orderSpecFromGroupSpec) }, manifestVersion),
      422,
      'manifest cross-validation error: group "westcoast": service "web": over-utilized replicas (3) > group spec resources count (2)',
    );
    manifest[0].services[0].count = 2;
    manifest[0].services[0].resources.cpu.units.val = "200";
    expectRefusal(
      () => checkManifest(JSON.stringify(manifest), { hash: manifestVersion(manifest), groups: fixture.groups.map(orderSpecFromGroupSpec) }, manifestVersion),
      422,
      /CPU resources mismatch for ID 1$/,
    );
    manifest[0].name = "eastcoast";
    expectRefusal(
      () => checkManifest(JSON.stringify(manifest), { hash: manifestVersion(manifest), groups: fixture.groups.map(orderSpecFromGroupSpec) }, manifestVersion),
      422,
      "invalid manifest: unknown deployment group ('eastcoast')",
    );
  });

  it("refuses structurally invalid manifests with the Go messages", () => {
    const fixture = parityCase("v2.0", "simple");
    const groups = fixture.groups.map(orderSpecFromGroupSpec);
    expectRefusal(() => checkManifest("{not json", { hash: fixture.hash, groups }, manifestVersion), 422, /^invalid character/);
    const noServices = [{ name: "westcoast", services: [] }];
    expectRefusal(() => checkManifest(JSON.stringify(noServices), { hash: manifestVersion(noServices), groups }, manifestVersion), 422, 'invalid manifest: group "westcoast" contains no services');
    const manifest = JSON.parse(fixture.manifestJson);
    manifest[0].services[0].image = "";
    expectRefusal(() => checkManifest(JSON.stringify(manifest), { hash: manifestVersion(manifest), groups }, manifestVersion), 422, 'invalid manifest: service "web" has empty image name');
  });
});
