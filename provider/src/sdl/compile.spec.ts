import { expect } from "chai";
import { compileSdl } from "./compile";
import { SdlError } from "./errors";
import { manifestVersion, sortedManifestJson } from "./hash";
import { sampleSdl } from "./testing";

describe("sdl/compile", () => {
  it("returns groups, manifest, its sorted JSON and the hash of exactly that JSON", () => {
    const c = compileSdl(sampleSdl());
    expect(c.manifestJson).to.equal(sortedManifestJson(c.manifest));
    expect(c.version).to.deep.equal(manifestVersion(c.manifest));
    expect(c.versionHex).to.match(/^[0-9a-f]{64}$/);
    expect(c.denom).to.equal("uact");
    expect(c.warnings).to.deep.equal([]);
    expect(c.groups).to.have.length(1);
  });

  it("reports every problem of a file at once, each with file, line and column", () => {
    const text = sampleSdl((d) => {
      d.services.web.image = "";
      d.services.web.env = ["9X=1"];
      d.services.web.expose[0].port = 0;
      d.endpoints = { unused: { kind: "ip" } };
    });
    let error: SdlError | undefined;
    try {
      compileSdl(text, { file: "deploy.yaml" });
    } catch (err) {
      error = err as SdlError;
    }
    expect(error).to.be.instanceOf(SdlError);
    expect(error!.issues.map((i) => i.path)).to.have.members([
      "services.web.image",
      "services.web.env[0]",
      "services.web.expose[0].port",
      "endpoints.unused",
    ]);
    for (const issue of error!.issues) expect(issue).to.include({ file: "deploy.yaml" }).and.have.property("line").that.is.a("number");
    expect(error!.message).to.match(/4 problems/);
  });

  it("reports all decoding errors together too", () => {
    const text = sampleSdl((d) => {
      d.profiles.compute.web.resources.cpu.units = "lots";
      d.profiles.compute.web.resources.memory.size = "1GB";
    });
    expect(() => compileSdl(text)).to.throw(SdlError).with.property("issues").with.length(2);
  });

  it("warns about keys Go ignores instead of rejecting them", () => {
    const c = compileSdl(sampleSdl((d) => (d.services.web.depends_on = [{ service: "db" }])));
    expect(c.warnings).to.deep.equal(["services.web.depends_on is ignored (not an SDL field)"]);
  });

  it("hashes U+2028 in env the way Go does (the TS SDK does not)", () => {
    const c = compileSdl(sampleSdl((d) => (d.services.web.env = ["MSG=a\u2028b<c>"])));
    expect(c.manifestJson).to.contain('"MSG=a\\u2028b\\u003cc\\u003e"');
  });
});
