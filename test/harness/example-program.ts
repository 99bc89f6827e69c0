// Runs one of examples/<name>/index.ts as the Pulumi Node.js runtime would (cwd = the project directory,
// project config from `config`), with "pulumi-akash" resolved to this repository's sdk/. Under Pulumi's mocks
// (registerWithMocks) it yields the exact inputs, including `__provider`, that a real `pulumi up` registers.
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import { parse as parseYaml } from "yaml";
import * as sdk from "../../sdk";
import { repoRoot } from "../../provider/src/schema/repoRoot";
import { registerWithMocks, resolveOutput, type MockOptions, type Registration, type ResolvedOutput } from "./register";

export const examplesDir = path.join(repoRoot(__dirname), "examples");

export function exampleProjectName(example: string): string {
  return (parseYaml(fs.readFileSync(path.join(examplesDir, example, "Pulumi.yaml"), "utf8")) as { name: string }).name;
}

/** Evaluates the example's index.ts and returns its exports. */
export function runExampleProgram(example: string): Record<string, unknown> {
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

/** Runs the example under mocks with project config `config` (keys without the project prefix). */
export async function registerExample(
  example: string,
  config: Record<string, string> = {},
  options: Omit<MockOptions, "project"> = {},
): Promise<{ registrations: Registration[]; exports: Record<string, ResolvedOutput<unknown>> }> {
  const saved = pulumi.runtime.allConfig();
  const project = exampleProjectName(example);
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [`${project}:${k}`, v])));
  try {
    let program: Record<string, unknown> = {};
    const { registrations } = await registerWithMocks(() => (program = runExampleProgram(example)), { ...options, project });
    // Resolving the stack outputs waits until every resource they depend on has registered.
    const exports: Record<string, ResolvedOutput<unknown>> = {};
    for (const [name, value] of Object.entries(program)) exports[name] = await resolveOutput(pulumi.output(value));
    return { registrations, exports };
  } finally {
    pulumi.runtime.setAllConfig(saved);
  }
}
