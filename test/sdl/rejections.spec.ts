/**
 * Inputs the Go parser, the provider or the chain reject must be rejected with a message naming the right SDL
 * path and source line; inputs Go accepts are accepted unless the chain would reject them.
 */
import { expect } from "chai";
import { compileSdl, SdlError, type SdlIssue } from "../../provider/src/sdl";
import { fixture, fixtureFiles } from "./fixtures";

function issuesOf(text: string, file?: string): SdlIssue[] {
  try {
    compileSdl(text, file === undefined ? {} : { file });
  } catch (err) {
    if (err instanceof SdlError) return err.issues;
    throw err;
  }
  throw new Error("expected the SDL to be rejected");
}

/** For each must-reject fixture: the path the first problem must name and a word of its message. */
const mustReject: Record<string, [path: string, message: RegExp]> = {
  "count-zero.yaml": ["deployment.web.akash.count", /at least 1/],
  "credentials-missing-host.yaml": ["services.web.credentials.host", /host is missing/],
  "empty-image.yaml": ["services.web.image", /empty image/],
  "endpoint-not-used.yaml": ["endpoints.myendpoint", /never used/],
  "invalid-endpoint-name.yaml": ["endpoints.Invalid-Name", /not a valid name/],
  "invalid-port.yaml": ["services.web.expose[0].port", /65535/],
  "invalid-protocol.yaml": ["services.web.expose[0].proto", /unsupported service protocol "HTTP"/],
  "ip-without-global.yaml": ["services.web.expose[0].to[0].global", /must be declared as global/],
  "missing-deployment.yaml": ["deployment", /no service is deployed/],
  "missing-image.yaml": ["services.web.image", /empty image/],
  "missing-memory-size.yaml": ["profiles.compute.web.resources.memory.size", /invalid unit memory/],
  "missing-pricing.yaml": ["profiles.placement.akash.pricing", /no pricing for profile web/],
  "missing-version.yaml": ["version", /no version found/],
  "negative-cpu.yaml": ["profiles.compute.web.resources.cpu.units", /-100m/],
  "persistent-without-mount.yaml": ["profiles.compute.web.resources.storage", /persistent=true which requires service\.web\.params\.storage\.data/],
  "port-too-high.yaml": ["services.web.expose[0].port", /65535/],
  "port-zero.yaml": ["services.web.expose[0].port", /0 < value/],
  "ram-persistent-true.yaml": ["profiles.compute.web.resources.storage[0].attributes", /ram storage class cannot be persistent/],
  "unknown-field.yaml": ["unknown_field", /unexpected field/],
  "v2.1-reclamation-bad-window.yaml": ["reclamation.min_window", /must be > 0/],
  "v2.1-tee-cpu-gpu-no-gpu.yaml": ["services.web.params.tee", /requires gpu resources/],
};

describe("SDL rejections", () => {
  describe("chain-sdk invalid fixtures (rejected by Go and the schema)", () => {
    const files = fixtureFiles("chain-sdk-invalid", "invalid");
    it("has an expectation for every fixture", () => {
      expect(files).to.deep.equal(Object.keys(mustReject).sort());
    });
    for (const file of files) {
      it(`rejects ${file}`, () => {
        const [path, message] = mustReject[file]!;
        const issues = issuesOf(fixture("chain-sdk-invalid", "invalid", file), file);
        const issue = issues.find((i) => i.path === path);
        expect(issue, JSON.stringify(issues)).to.not.equal(undefined);
        expect(issue!.message).to.match(message);
        expect(issue!.file).to.equal(file);
        expect(issue!.line).to.be.a("number").greaterThan(0);
        for (const i of issues) expect(i.fix, `${i.path}: ${i.message}`).to.be.a("string").that.is.not.empty;
      });
    }
  });

  describe("schema-only-invalid fixtures (the TS schema rejects, Go accepts)", () => {
    const compile = (file: string) => compileSdl(fixture("chain-sdk-invalid", "schema-only-invalid", file));
    it("accepts a short registry email like Go (only the schema checks its length)", () => {
      expect(compile("email-too-short.yaml").manifest[0]!.services[0]!.credentials!.email).to.equal("a@b");
    });
    it("accepts a short registry password like Go", () => {
      expect(compile("password-too-short.yaml").manifest[0]!.services[0]!.credentials!.password).to.equal("pass");
    });
    it("accepts a compound reclamation window like Go's time.ParseDuration", () => {
      expect(compile("reclamation-compound-window.yaml").sdl.reclamation!.nanoseconds).to.equal(90 * 60e9);
    });
    it("reads version 3.0 with the 2.1 rules like Go, with a warning", () => {
      const c = compile("invalid-version.yaml");
      expect(c.sdl.version).to.equal("2.1");
      expect(c.warnings.join("\n")).to.match(/version "3\.0" is read as 2\.1/);
    });
    it("turns an unknown GPU vendor into the nvidia wildcard like Go, warning that the vendor is ignored", () => {
      const c = compile("invalid-gpu-vendor.yaml");
      expect(c.manifest[0]!.services[0]!.resources.gpu!.attributes).to.deep.equal([{ key: "vendor/nvidia/model/*", value: "true" }]);
      expect(c.warnings.join("\n")).to.match(/vendor\.amd is ignored/);
    });
    it("rejects the denom 'invalidtoken' although Go accepts it, because the chain requires uact", () => {
      const issues = issuesOf(fixture("chain-sdk-invalid", "schema-only-invalid", "invalid-denom.yaml"));
      expect(issues.map((i) => i.message).join("\n")).to.match(/"invalidtoken" is not accepted by the chain/);
    });
  });
});
