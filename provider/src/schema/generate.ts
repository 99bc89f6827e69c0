// Builds the Pulumi package schema of our resources from their zod schemas and declared outputs. Pure: the
// caller says which resources exist (the SDK's exported classes) and which package it describes.
import { z } from "zod";
import { CONFIG_VARIABLES } from "./config";
import { deploymentSchemaSource } from "./deployment";
import { certificateSchemaSource } from "./certificate";
import { escrowSchemaSource } from "./escrow";
import { alwaysPresent, convertObject, type JsonSchema, type TypeSink } from "./fromJsonSchema";
import type { PackageSpec, PropertySpec, ResourceSpec } from "./pulumiSchema";
import type { NamedType, ResourceSchemaSource, SourceRef } from "./resourceSource";
import { memberDocs, type MemberDeclaration, type ResourceDeclaration } from "./sdkDeclarations";
import { walletSchemaSource } from "./wallet";

/** Schema sources by resource type name (the SDK class name). */
export const SCHEMA_SOURCES: Readonly<Record<string, ResourceSchemaSource>> = {
  Deployment: deploymentSchemaSource,
  Escrow: escrowSchemaSource,
  Certificate: certificateSchemaSource,
  Wallet: walletSchemaSource,
};

export interface PackageInfo {
  /** npm package name of the SDK. */
  packageName: string;
  version: string;
  description: string;
  license: string;
}

/** How the SDK names things: the dynamic resources' module (also the schema's name) and their type tokens. */
export interface Naming {
  module: string;
  token(type: string): string;
}

/** Reads a source file by its path from the repository root (for doc comments). */
export type ReadSource = (file: string) => string;

function toJson(schema: z.ZodType, io: "input" | "output", namedTypes: Record<string, NamedType>): JsonSchema {
  const metadata = z.registry<{ id: string }>();
  for (const [id, named] of Object.entries(namedTypes)) metadata.add(named.schema, { id });
  return z.toJSONSchema(schema, { io, metadata, unrepresentable: "any" }) as JsonSchema;
}

/** Doc comments describe properties (zod schemas carry none); they take precedence over zod descriptions. */
function describe(props: Record<string, PropertySpec>, docs: Record<string, string | undefined>): void {
  for (const [name, description] of Object.entries(docs)) if (description && props[name]) props[name] = { ...props[name], description };
}

const docsOf = (members: readonly MemberDeclaration[]) => Object.fromEntries(members.map((m) => [m.name, m.description]));

export function resourceSchema(type: string, source: ResourceSchemaSource, declaration: ResourceDeclaration, sink: TypeSink): ResourceSpec {
  const inputs = toJson(source.inputs, "input", source.namedTypes);
  const outputs = toJson(source.outputs, "output", source.namedTypes);
  const spec: ResourceSpec = {
    description: source.description,
    inputProperties: convertObject(inputs, inputs, type, sink).properties,
    requiredInputs: inputs.required ?? [],
    properties: convertObject(outputs, outputs, type, sink).properties,
    required: alwaysPresent(outputs),
  };
  describe(spec.inputProperties, docsOf(declaration.args));
  describe(spec.properties, docsOf(declaration.outputs));
  for (const name of source.secrets) {
    const targets = [spec.inputProperties[name], spec.properties[name]].filter((p) => p !== undefined);
    if (targets.length === 0) throw new Error(`${type}: secret property ${name} is neither an input nor an output`);
    for (const target of targets) target.secret = true;
  }
  return spec;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  // Code-unit order, like the resources' sort(): the file must not depend on the machine's locale.
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface SchemaInputs {
  /** The SDK's resource classes by type name; every one needs an entry in `sources`. */
  declarations: Readonly<Record<string, ResourceDeclaration>>;
  pkg: PackageInfo;
  naming: Naming;
  readSource: ReadSource;
  sources?: Readonly<Record<string, ResourceSchemaSource>>;
}

/** The package schema for the SDK's resource classes. */
export function generateSchema({ declarations, pkg, naming, readSource, sources = SCHEMA_SOURCES }: SchemaInputs): PackageSpec {
  const sink: TypeSink = { prefix: `${naming.module}:index:`, types: {} };
  const resources: Record<string, ResourceSpec> = {};
  const docRefs = new Map<string, SourceRef>();
  for (const type of Object.keys(declarations).sort()) {
    const source = sources[type];
    if (!source) {
      throw new Error(
        `sdk exports the resource class ${type} but provider/src/schema/generate.ts has no schema source for it: ` +
          `add one to SCHEMA_SOURCES (see provider/src/schema/deployment.ts), then run npm run schema`,
      );
    }
    resources[naming.token(type)] = resourceSchema(type, source, declarations[type], sink);
    for (const [name, { docs }] of Object.entries(source.namedTypes)) if (docs) docRefs.set(`${sink.prefix}${name}`, docs);
  }
  // Only now: a type two resources share is compared between them before it gets its descriptions.
  for (const [token, ref] of docRefs) {
    if (sink.types[token]) describe(sink.types[token].properties, memberDocs(ref.file, readSource(ref.file), ref.name));
  }
  const tokenPackages = [...new Set(Object.keys(resources).map((token) => token.split(":")[0]))].filter((p) => p !== naming.module);
  return {
    name: naming.module,
    displayName: "Akash Network",
    version: pkg.version,
    description: pkg.description,
    keywords: ["pulumi", "akash", "category/cloud", "kind/native"],
    license: pkg.license,
    ...(tokenPackages.length ? { allowedPackageNames: tokenPackages } : {}),
    config: { variables: CONFIG_VARIABLES },
    types: sortKeys(sink.types),
    resources,
    language: { nodejs: { packageName: pkg.packageName } },
  };
}
