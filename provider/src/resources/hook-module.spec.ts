import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { serializeProvider } from "../../../test/harness";
import { loadModule, moduleRef, type ModuleRef } from "./hook-module";

describe("resources/hook-module", () => {
  let project: string;
  before(() => {
    // A Pulumi project with pulumi-akash-like package "fake-pkg" installed.
    project = fs.mkdtempSync(path.join(os.tmpdir(), "hook-module-"));
    const pkg = path.join(project, "node_modules", "fake-pkg");
    fs.mkdirSync(path.join(pkg, "dist"), { recursive: true });
    fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "fake-pkg" }));
    fs.writeFileSync(path.join(pkg, "dist", "impl.js"), "exports.where = __filename;");
  });
  after(() => fs.rmSync(project, { recursive: true, force: true }));

  it("names a module by absolute path and by package path", () => {
    const file = path.join(project, "node_modules", "fake-pkg", "dist", "impl.js");
    expect(moduleRef(file)).to.deep.equal({ path: file, packagePath: "fake-pkg/dist/impl.js" });
  });

  it("falls back to the package installed in the project when the absolute path is gone", () => {
    const cwd = process.cwd();
    const ref: ModuleRef = { path: path.join(project, "moved", "impl.js"), packagePath: "fake-pkg/dist/impl.js" };
    process.chdir(project);
    try {
      const loaded = loadModule<{ where: string }>(ref);
      expect(fs.realpathSync(loaded.where)).to.equal(fs.realpathSync(path.join(project, "node_modules/fake-pkg/dist/impl.js")));
    } finally {
      process.chdir(cwd);
    }
  });

  it("serializes into a hook as a small self-contained function", async () => {
    const ref = moduleRef(require.resolve("./config"));
    const provider = {
      async create(inputs: Record<string, unknown>) {
        return { id: loadModule<typeof import("./config")>(ref).DEFAULT_NETWORK, outs: inputs };
      },
    };
    const { text } = await serializeProvider(provider);
    expect(text.length).to.be.lessThan(4000);
    expect(text).to.include(JSON.stringify(ref.path)).and.include("MODULE_NOT_FOUND");
    expect(text).to.not.include("zod");
  });
});
