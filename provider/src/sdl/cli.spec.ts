import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { sdlCommand, type CliIo } from "./cli";
import { compileSdl } from "./compile";
import { sampleSdl } from "./testing";

function capture(): CliIo & { out: string; err: string } {
  const io = { out: "", err: "", stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe("sdl/cli", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "sdl-cli-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it("--json prints one object with version, groups and manifest", async () => {
    const text = sampleSdl((d) => (d.profiles.placement.dc.pricing.web.denom = "uakt"));
    const io = capture();
    expect(await sdlCommand([write("ok.yaml", text), "--json"], io)).to.equal(0);
    const out = JSON.parse(io.out);
    const compiled = compileSdl(text);
    expect(out.version).to.equal(compiled.versionHex);
    expect(out.manifest).to.deep.equal(compiled.manifest);
    expect(out.groups[0].resources[0].resource.cpu.units.val).to.equal("500");
    expect(io.err).to.match(/^warning: pricing uses uakt/);
  });

  it("prints groups, the sorted manifest and the hash for people, masking registry passwords", async () => {
    const text = sampleSdl((d) => (d.services.web.credentials = { host: "r.example.com", username: "u", password: "hunter22" }));
    const io = capture();
    expect(await sdlCommand([write("human.yaml", text)], io)).to.equal(0);
    expect(io.out).to.contain("group dc").and.contain("unit 1: count 1, cpu 500m, memory 512Mi").and.contain(`version: ${compileSdl(text).versionHex}`);
    expect(io.out).to.not.contain("hunter22");
    expect(io.out).to.contain("manifest (sorted JSON with registry passwords masked; the version hashes the real passwords").and.not.contain("as hashed");
  });

  it("labels the printed manifest as the hashed text only when nothing is masked", async () => {
    const io = capture();
    expect(await sdlCommand([write("plain.yaml", sampleSdl())], io)).to.equal(0);
    expect(io.out).to.contain(`manifest (sorted JSON, as hashed):\n${compileSdl(sampleSdl()).manifestJson}\n`);
  });

  it("prints every problem as file:line:col path: message (fix) and exits 1", async () => {
    const file = write("bad.yaml", sampleSdl((d) => (d.services.web.image = "")));
    const io = capture();
    expect(await sdlCommand([file], io)).to.equal(1);
    expect(io.err).to.contain(`${file}:4:5 services.web.image: service "web" has empty image name (set image:`);
    expect(io.out).to.equal("");
  });

  it("exits non-zero on usage errors and unreadable files", async () => {
    const io = capture();
    expect(await sdlCommand([], io)).to.equal(2);
    expect(await sdlCommand([join(dir, "missing.yaml")], io)).to.equal(1);
    expect(io.err).to.match(/usage: pulumi-akash sdl FILE/).and.match(/cannot read/);
  });
});
