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
import { examplesDir, exampleProjectName, isSecret, plain, registerExample, type Registration } from "./harness";

const root = repoRoot(__dirname);
const examples = fs
  .readdirSync(examplesDir)
  .filter((name) => fs.existsSync(path.join(examplesDir, name, "Pulumi.yaml")))
  .sort();
const DEPLOYMENT = sdk.akashTypeToken("Deployment");
const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";
const MOCK_PASSWORD = "mock-password-0123456789";


/**
 * Type errors in the given programs' own files (other files' errors are their owners' business), with
 * "pulumi-akash" mapped to this repository's sdk/. One program for all: the SDK's types load once.
 */
function typeErrors(files: string[]): Map<string, string[]> {
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(files, { ...options, noEmit: true, incremental: false, rootDir: undefined, baseUrl: root, paths: { "pulumi-akash": ["sdk/index.ts"] } });
  const errors = new Map(files.map((f) => [path.resolve(f), [] as string[]]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const list = d.file ? errors.get(path.resolve(d.file.fileName)) : errors.get(path.resolve(files[0]));
    const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
    list?.push(`line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  }
  return errors;
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

type ProgramRun = Awaited<ReturnType<typeof registerExample>>;

const runUnderMocks = (example: string, config: Record<string, string> = {}) => registerExample(example, config, { outputs: mockOutputs });

/** A registered Deployment's inputs pass the provider's check rules; returns the compiled SDL. */
function checkDeployment(registration: Registration): CompiledSdl {
  const { __provider, ...inputs } = plain(registration.properties) as Record<string, unknown>;
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
    // A canary with a wrong argument proves "pulumi-akash" resolves to the real SDK types, not to `any`.
    const canary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "akash-canary-")), "index.ts");
    fs.writeFileSync(canary, 'import * as akash from "pulumi-akash";\nnew akash.Deployment("x", { sdl: "s", deposit: "five" });\n');
    try {
      const errors = typeErrors([...examples.map((e) => path.join(examplesDir, e, "index.ts")), canary]);
      for (const example of examples) expect(errors.get(path.join(examplesDir, example, "index.ts")), example).to.deep.equal([]);
      expect(errors.get(canary)?.join("\n")).to.match(/line 2: .*'string' is not assignable to type 'Input<number> \| undefined'/);
    } finally {
      fs.rmSync(path.dirname(canary), { recursive: true, force: true });
    }
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
    const groups = JSON.stringify(compiled.groups);
    for (const model of ["rtx4090", "a100"]) expect(groups).to.include(`vendor/nvidia/model/${model}`);
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
    // The password reaches the container only through secretEnv, never through the SDL text.
    expect(compiled.sdl.services.ide.env ?? []).to.not.satisfy((env: string[]) => env.some((e) => e.startsWith("PASSWORD=")));
    expect(isSecret(ide.properties.secretEnv), "secretEnv registered as a secret").to.equal(true);
    expect(plain(ide.properties.secretEnv)).to.deep.equal({ ide: { PASSWORD: MOCK_PASSWORD } });
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
      const stacks = path.join(work, "state", ".pulumi", "stacks");
      const stateFiles = (fs.readdirSync(stacks, { recursive: true }) as string[]).filter((f) => f.endsWith(".json"));
      expect(stateFiles).to.not.deep.equal([]);
      for (const file of stateFiles) expect(fs.readFileSync(path.join(stacks, file), "utf8"), file).to.not.include(devnet.demoMnemonic);
      pulumiCli("destroy", "--yes");
    } finally {
      await devnet.stop();
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
