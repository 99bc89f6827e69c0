// `npm run schema`: rewrites schema.json at the repository root from the SDK's resource classes and their
// schema sources. (The CLI edge; the SDK depends on provider/, so only this entry point imports it.)
import * as fs from "node:fs";
import * as path from "node:path";
import * as sdk from "../../../sdk";
import { generateSchema, type PackageInfo } from "./generate";
import type { PackageSpec } from "./pulumiSchema";
import { repoRoot } from "./repoRoot";
import { readSdkDeclarations, type ResourceDeclaration } from "./sdkDeclarations";
import { sdkResourceClasses } from "./sdkResources";

export function schemaPath(root: string = repoRoot()): string {
  return path.join(root, "schema.json");
}

/** The source declarations of the resource classes sdk/index.ts exports. */
export function exportedDeclarations(root: string = repoRoot()): Record<string, ResourceDeclaration> {
  const declared = readSdkDeclarations(path.join(root, "sdk"));
  const exported: Record<string, ResourceDeclaration> = {};
  for (const name of Object.keys(sdkResourceClasses(sdk as Record<string, unknown>))) {
    const declaration = declared[name];
    if (!declaration) throw new Error(`sdk/index.ts exports ${name}, but no sdk/*.ts declares \`class ${name} extends pulumi.dynamic.Resource\``);
    exported[name] = declaration;
  }
  return exported;
}

/** The schema for the SDK as it is now. */
export function currentSchema(root: string = repoRoot()): PackageSpec {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, string>;
  const info: PackageInfo = { packageName: pkg.name, version: pkg.version, description: pkg.description, license: pkg.license };
  return generateSchema({
    declarations: exportedDeclarations(root),
    pkg: info,
    naming: { module: sdk.AKASH_MODULE, token: sdk.akashTypeToken },
    readSource: (file) => fs.readFileSync(path.join(root, file), "utf8"),
  });
}

export function formatSchema(schema: PackageSpec): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (require.main === module) {
  const file = schemaPath();
  fs.writeFileSync(file, formatSchema(currentSchema()));
  console.log(`wrote ${file}`);
}
