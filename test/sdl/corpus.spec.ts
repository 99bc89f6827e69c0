/**
 * Real SDLs from awesome-akash: each compiles, or is rejected for a reason the Go parser also rejects it for.
 */
import { expect } from "chai";
import { compileSdl, SdlError } from "../../provider/src/sdl";
import { fixture, fixtureFiles } from "./fixtures";

/** Files Go rejects too, with the reason. */
const rejected: Record<string, { why: string; path: string; message: RegExp }> = {
  "codex.yaml": {
    why: "http_options beyond Go's limits (max_body_size > 100 MiB, read/send timeout > 60 s): v2HTTPOptions.asManifest errors",
    path: "services.nginx.expose[0].http_options.max_body_size",
    message: /body size cannot be greater than 104857600/,
  },
  "satisfactory-server.yaml": {
    why: "sizes with a GB suffix: Go's suffixes are case-sensitive (G or Gi), so ParseFloat(\"16GB\") fails",
    path: "profiles.compute.satisfactory-server.resources.memory.size",
    message: /"16GB" is not a size/,
  },
};

describe("awesome-akash corpus", () => {
  for (const file of fixtureFiles("sdl-corpus")) {
    const text = fixture("sdl-corpus", file);
    const expected = rejected[file];
    if (expected) {
      it(`rejects ${file}: ${expected.why}`, () => {
        try {
          compileSdl(text, { file });
          expect.fail("accepted");
        } catch (err) {
          if (!(err instanceof SdlError)) throw err;
          const issue = err.issues.find((i) => i.path === expected.path);
          expect(issue, err.message).to.not.equal(undefined);
          expect(issue!.message).to.match(expected.message);
        }
      });
    } else {
      it(`compiles ${file}`, () => {
        const c = compileSdl(text, { file });
        expect(c.version).to.have.length(32);
        expect(c.manifest.length).to.be.greaterThan(0);
      });
    }
  }

  it("keeps goosebin's expose without `to` as a non-global entry (Go expose.go), unlike the TS SDK", () => {
    const c = compileSdl(fixture("sdl-corpus", "goosebin.yaml"));
    const redis = c.manifest[0]!.services.find((s) => s.name === "redis")!;
    expect(redis.expose.some((e) => e.port === 6379 && !e.global && e.service === "")).to.equal(true);
  });

  it("re-sorts DeepSeek's volumes by size as Go does", () => {
    const c = compileSdl(fixture("sdl-corpus", "DeepSeek-R1-0528.yaml"));
    const sizes = c.manifest[0]!.services[0]!.resources.storage!.map((s) => Number(s.size.val));
    expect(sizes).to.deep.equal([...sizes].sort((a, b) => a - b));
  });

  it("reads wordpress's sloppy multi-line quoted arg like Go's yaml.v3, with a warning", () => {
    const c = compileSdl(fixture("sdl-corpus", "wordpress.yaml"));
    const wp = c.manifest[0]!.services.find((s) => s.name === "wordpress")!;
    expect(wp.args![0]).to.match(/tee -a \/var\/www\/html\/\.htaccess; \}; exec docker-entrypoint\.sh apache2-foreground$/);
    expect(c.warnings.join("\n")).to.match(/not strictly valid/);
  });

  it("warns that n8n's ibc denom is not accepted for new deployments", () => {
    expect(compileSdl(fixture("sdl-corpus", "n8n.yaml")).warnings.join("\n")).to.match(/pricing uses ibc\/.*only accepts uact/);
  });
});
