import { expect } from "chai";
import { compileSdl } from "./compile";
import { SdlError, type SdlIssue } from "./errors";
import { manifestVersion, sortedManifestJson } from "./hash";
import { sampleSdl, type SdlDoc } from "./testing";

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

  it("reports decoding, reference and semantic problems of one file together, each once, in file order", () => {
    const text = [
      'version: "2.0"',
      "services:",
      "  web:",
      "    image: nginx",
      "    expose:",
      "      - port: 80",
      "        accept: [BAD_HOST]",
      "        to:",
      "          - global: true",
      "profiles:",
      "  compute:",
      "    web:",
      "      resources:",
      "        cpu: { units: abc }",
      "        memory: { size: 512Mi }",
      "        storage: { size: 1Gi }",
      "  placement:",
      "    dc:",
      "      pricing:",
      "        web: { denom: uact, amount: 100 }",
      "deployment:",
      "  web:",
      "    dc: { profile: nope, count: 1 }",
      "",
    ].join("\n");
    let error: SdlError | undefined;
    try {
      compileSdl(text);
    } catch (err) {
      error = err as SdlError;
    }
    expect(error!.issues.map((i) => [i.line, i.path, i.message])).to.deep.equal([
      [7, "services.web.expose[0].accept[0]", 'invalid hostname "BAD_HOST"'],
      [14, "profiles.compute.web.resources.cpu.units", '"abc" is not a number of CPUs (expected e.g. 0.5 or 500m)'],
      [23, "deployment.web.dc.profile", "no compute profile named nope"],
    ]);
    // The profile that failed to decode is still offered as a name to use.
    expect(error!.issues[2]!.fix).to.equal("use one of: web");
  });

  it("says how to fix every problem", () => {
    const edits: Array<(d: SdlDoc) => void> = [
      (d) => (d.services.web.image = ["x"]),
      (d) => (d.services.web.env = "A=1"),
      (d) => (d.services.web.expose[0].port = "eighty"),
      (d) => (d.services.web.expose[0].to = [{ global: "maybe" }]),
      (d) => (d.services.web.expose[0].http_options = { next_cases: ["bogus"], max_body_size: [1] }),
      (d) => (d.services.web.params = { storage: { data: { mount: "data" } }, tee: "sgx" }),
      (d) => (d.services.web.credentials = { host: "" }),
      (d) => (d.profiles.compute.web.resources = { cpu: { units: "1", attributes: { arch: [1], gen: 2 } }, memory: "x", storage: [{ size: "1", attributes: { persistent: "maybe", class: "gold", x: 1 } }], gpu: { units: 1, attributes: { vendor: { nvidia: [{ model: "a", ram: "8G", interface: "usb" }] } } } }),
      (d) => (d.profiles.placement.dc = { attributes: ["a"], signedBy: "x", pricing: { web: { denom: "", amount: "-1" } } }),
      (d) => (d.deployment.web.dc = { profile: ["web"], count: -1 }),
      (d) => (d.endpoints = { X: { kind: "dns" }, ok: "ip" }),
      (d) => (d.reclamation = { min_window: "soon" }),
      (d) => (d.include = "other.yaml"),
    ];
    for (const edit of edits) {
      let issues: SdlIssue[] = [];
      try {
        compileSdl(sampleSdl(edit));
      } catch (err) {
        issues = (err as SdlError).issues;
      }
      expect(issues, String(edit)).to.not.be.empty;
      for (const issue of issues) expect(issue.fix, `${issue.path}: ${issue.message}`).to.be.a("string").that.is.not.empty;
    }
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
