// The examples are real Pulumi programs. They must type-check against the SDK as it is in this repository, and
// under Pulumi's mocks they must register the resources they claim with inputs the provider accepts (the SDL
// compiles, the bid policy parses). With a `pulumi` CLI on PATH, the webapp example also goes up on a devnet.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import { parse as parseYaml } from "yaml";
import * as sdk from "../sdk";
import { parseBidPolicy } from "../provider/src/market/policy";
import { deploymentInputsSchema, type LeaseOutput } from "../provider/src/resources/deployment/inputs";
import { repoRoot } from "../provider/src/schema/repoRoot";
import { compileSdl, type CompiledSdl } from "../provider/src/sdl";
import { startTestDevnet } from "../devnet/src/testing";
import { registerWithMocks, resolveOutput, type Registration } from "./harness";

const root = repoRoot(__dirname);
const examplesDir = path.join(root, "examples");
const examples = fs
  .readdirSync(examplesDir)
  .filter((name) => fs.existsSync(path.join(examplesDir, name, "Pulumi.yaml")))
  .sort();
const DEPLOYMENT = sdk.akashTypeToken("Deployment");
const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";
const MOCK_PASSWORD = "mock-password-0123456789";

const projectName = (example: string) => (parseYaml(fs.readFileSync(path.join(examplesDir, example, "Pulumi.yaml"), "utf8")) as { name: string }).name;

/** Type errors in the examples' own files, with "pulumi-akash" mapped to this repository's sdk/. */
function exampleTypeErrors(): string[] {
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(
    examples.map((e) => path.join(examplesDir, e, "index.ts")),
    { ...options, noEmit: true, incremental: false, baseUrl: root, paths: { "pulumi-akash": ["sdk/index.ts"] } },
  );
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || d.file.fileName.startsWith(examplesDir))
    .map((d) => {
      const where = d.file ? `${path.relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : "";
      return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
    });
}

/** Runs an example's index.ts as the Pulumi Node.js runtime would (cwd = project dir); returns its exports. */
function runProgram(example: string): Record<string, unknown> {
  const dir = path.join(examplesDir, example);
  const js = ts.transpileModule(fs.readFileSync(path.join(dir, "index.ts"), "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  const load = (id: string): unknown => (id === "pulumi-akash" ? sdk : require(id));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    new Function("require", "module", "exports", "__dirname", "__filename", js)(load, module, module.exports, dir, path.join(dir, "index.ts"));
  } finally {
    process.chdir(cwd);
  }
  return module.exports;
}

/** What create would return: a lease per deployment and a URI per service. */
function mockOutputs(inputs: Record<string, unknown>): Record<string, unknown> {
  if (typeof inputs.length === "number") return { ...inputs, result: MOCK_PASSWORD };
  if (typeof inputs.sdl !== "string") return inputs;
  const services = Object.keys(compileSdl(inputs.sdl).sdl.services);
  const lease: LeaseOutput = { gseq: 1, oseq: 1, provider: "akash1provider", hostUri: "https://p.test:8443", pricePerBlock: "8", denom: "uact", pricePerMonthUsd: 3.5 };
  return {
    ...inputs,
    dseq: "42",
    leases: [lease],
    uris: Object.fromEntries(services.map((s) => [s, [`${s}.ingress.test`]])),
    selection: [],
    estimatedMaxMonthlyUsd: 43.2,
  };
}

interface ProgramRun {
  registrations: Registration[];
  exports: Record<string, { known: boolean; secret: boolean; value: unknown }>;
}

async function runUnderMocks(example: string, config: Record<string, string> = {}): Promise<ProgramRun> {
  const saved = pulumi.runtime.allConfig();
  const project = projectName(example);
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [`${project}:${k}`, v])));
  try {
    let program: Record<string, unknown> = {};
    const { registrations } = await registerWithMocks(() => (program = runProgram(example)), { project, outputs: mockOutputs });
    const exports: ProgramRun["exports"] = {};
    for (const [name, value] of Object.entries(program)) exports[name] = await resolveOutput(pulumi.output(value));
    return { registrations, exports };
  } finally {
    pulumi.runtime.setAllConfig(saved);
  }
}

/** A registered Deployment's inputs pass the provider's check rules; returns the compiled SDL. */
function checkDeployment(registration: Registration): CompiledSdl {
  const inputs = Object.fromEntries(Object.entries(registration.inputs).filter(([k, v]) => k !== "__provider" && v !== undefined));
  const parsed = deploymentInputsSchema.parse(inputs);
  parseBidPolicy(parsed.bidPolicy);
  const compiled = compileSdl(parsed.sdl, { file: parsed.sdlPath });
  expect(compiled.denom).to.equal("uact");
  return compiled;
}

const deployments = (run: ProgramRun) => run.registrations.filter((r) => r.type === DEPLOYMENT);

describe("examples", function () {
  this.timeout(120_000);

  it("are the three documented Pulumi projects, each complete", () => {
    expect(examples).to.deep.equal(["gpu-inference", "webapp", "with-random"]);
    for (const example of examples) {
      const dir = path.join(examplesDir, example);
      const project = parseYaml(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as { runtime: { name: string } };
      expect(project.runtime.name, example).to.equal("nodejs");
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
      expect(pkg.dependencies["pulumi-akash"], example).to.equal("file:../..");
      expect(pkg.dependencies["@pulumi/pulumi"], example).to.be.a("string");
      expect(fs.existsSync(path.join(dir, "deploy.yaml")), `${example}/deploy.yaml`).to.equal(true);
      const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
      for (const command of ["pulumi config set akash:network devnet", "pulumi config set akash:network mainnet", "pulumi config set --secret akash:mnemonic"]) {
        expect(readme, `${example}/README.md`).to.include(command);
      }
    }
  });

  it("type-check against the repository's sdk", () => {
    expect(exampleTypeErrors()).to.deep.equal([]);
  });

  it("webapp registers one Deployment serving nginxdemos/hello on port 80 and exports its URL and price", async () => {
    const run = await runUnderMocks("webapp");
    expect(run.registrations.map((r) => r.type)).to.deep.equal([DEPLOYMENT]);
    const [web] = deployments(run);
    expect(web.name).to.equal("web");
    const compiled = checkDeployment(web);
    expect(compiled.sdl.services.web.image).to.equal("nginxdemos/hello:0.4");
    expect(compiled.sdl.services.web.expose?.[0]).to.include({ port: 80, as: 80 });
    expect(web.inputs.deposit).to.equal(5);
    expect(run.exports.url.value).to.equal("http://web.ingress.test");
    expect(run.exports.pricePerMonthUsd.value).to.equal(3.5);
  });

  it("webapp takes its image from config, so the demo can update it in place", async () => {
    const run = await runUnderMocks("webapp", { image: "nginxdemos/hello:plain-text" });
    const compiled = checkDeployment(deployments(run)[0]);
    expect(compiled.sdl.services.web.image).to.equal("nginxdemos/hello:plain-text");
  });

  it("gpu-inference asks for one NVIDIA GPU and selects GPU models from audited providers under a price cap", async () => {
    const run = await runUnderMocks("gpu-inference");
    const [ollama] = deployments(run);
    const compiled = checkDeployment(ollama);
    expect(compiled.manifestJson).to.include('"gpu"');
    const policy = parseBidPolicy(ollama.inputs.bidPolicy);
    expect(policy.gpuModels).to.deep.equal(["rtx4090", "a100"]);
    expect(policy.auditedOnly).to.equal(true);
    expect(policy.maxPricePerMonthUsd).to.be.a("number");
    expect(run.exports.apiUrl.value).to.equal("http://ollama.ingress.test");
  });

  it("with-random feeds a RandomPassword into the deployment as a secret env value", async () => {
    const run = await runUnderMocks("with-random");
    expect(run.registrations.map((r) => r.type).sort()).to.deep.equal([DEPLOYMENT, RANDOM_PASSWORD].sort());
    const [ide] = deployments(run);
    const compiled = checkDeployment(ide);
    expect(compiled.manifestJson).to.not.include(MOCK_PASSWORD);
    expect(ide.inputs.secretEnv).to.deep.equal({ ide: { PASSWORD: MOCK_PASSWORD } });
    // (Mocks do not apply additionalSecretOutputs, so secretness is the engine's part: see test/schema.spec.ts.)
    expect(run.exports.idePassword.value).to.equal(MOCK_PASSWORD);
    expect(run.exports.url.value).to.equal("http://ide.ingress.test");
  });
});

/** The absolute path of an executable on PATH, or undefined. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

describe("examples with the pulumi CLI", function () {
  this.timeout(600_000);

  it("pulumi up deploys examples/webapp on a devnet, and destroy removes it", async function () {
    const cli = onPath("pulumi");
    if (!cli) this.skip();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "akash-webapp-"));
    const project = path.join(work, "webapp");
    fs.cpSync(path.join(examplesDir, "webapp"), project, { recursive: true });
    // The project resolves its packages from the repository; pulumi-akash is this build's sdk.
    const modules = path.join(project, "node_modules");
    fs.mkdirSync(modules);
    for (const entry of fs.readdirSync(path.join(root, "node_modules"))) {
      if (!entry.startsWith(".")) fs.symlinkSync(path.join(root, "node_modules", entry), path.join(modules, entry));
    }
    fs.mkdirSync(path.join(modules, "pulumi-akash"));
    const sdkEntry = require.resolve("../sdk");
    fs.writeFileSync(path.join(modules, "pulumi-akash", "package.json"), JSON.stringify({ name: "pulumi-akash", main: sdkEntry }));
    fs.mkdirSync(path.join(work, "state"));
    const env = {
      ...process.env,
      PULUMI_BACKEND_URL: `file://${path.join(work, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      AKASH_MNEMONIC: "",
    };
    const pulumiCli = (...args: string[]) => execFileSync(cli!, [...args, "--non-interactive"], { cwd: project, env, encoding: "utf8", stdio: "pipe" });
    const devnet = await startTestDevnet();
    try {
      pulumiCli("stack", "init", "dev");
      pulumiCli("config", "set", "akash:network", "devnet");
      pulumiCli("config", "set", "akash:rpcEndpoint", devnet.rpcUrl);
      pulumiCli("config", "set", "akash:chainId", devnet.chainId);
      pulumiCli("config", "set", "akash:auditor", devnet.auditorAddress);
      pulumiCli("config", "set", "--secret", "akash:mnemonic", devnet.demoMnemonic);
      pulumiCli("up", "--yes", "--skip-preview");
      const outputs = JSON.parse(pulumiCli("stack", "output", "--json")) as { url: string; dseq: string };
      expect(outputs.url).to.match(/^http:\/\/\S+/);
      expect(outputs.dseq).to.match(/^[1-9][0-9]*$/);
      expect(fs.readFileSync(path.join(work, "state", ".pulumi", "stacks", "akash-webapp", "dev.json"), "utf8")).to.not.include(devnet.demoMnemonic);
      pulumiCli("destroy", "--yes");
    } finally {
      await devnet.stop();
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
