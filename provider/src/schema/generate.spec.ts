import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { z } from "zod";
import { generateSchema, SCHEMA_SOURCES, type Naming } from "./generate";
import { repoRoot } from "./repoRoot";
import type { ResourceSchemaSource } from "./resourceSource";
import type { ResourceDeclaration } from "./sdkDeclarations";

const pkg = { packageName: "pulumi-akash", version: "1.2.3", description: "d", license: "Apache-2.0" };
const naming: Naming = { module: "akash", token: (t) => `pulumi-nodejs:dynamic/akash:${t}` };
const noFiles = (file: string): string => {
  throw new Error(`unexpected read of ${file}`);
};
const generate = (declarations: Record<string, ResourceDeclaration>, sources: Record<string, ResourceSchemaSource>, readSource = noFiles) =>
  generateSchema({ declarations, pkg, naming, readSource, sources });

const thing: ResourceSchemaSource = {
  description: "A thing.",
  inputs: z.object({ name: z.string(), size: z.number().default(1), password: z.string().optional() }).strict(),
  outputs: z.object({ id2: z.string(), token: z.string(), note: z.string().optional() }),
  namedTypes: {},
  secrets: ["password", "token"],
};

const declared: ResourceDeclaration = {
  file: "thing.ts",
  args: [{ name: "name", optional: false, description: "What to call it." }],
  outputs: [{ name: "token", optional: false, description: "Secret." }],
};
const noDocs: ResourceDeclaration = { file: "x.ts", args: [], outputs: [] };

describe("schema/generate", () => {
  it("describes each resource's inputs, outputs and secrets under its dynamic token", () => {
    const schema = generate({ Thing: declared }, { Thing: thing });
    expect(schema).to.include({ name: "akash", version: "1.2.3" });
    expect(schema.config.variables.mnemonic.secret).to.equal(true);
    expect(schema.resources["pulumi-nodejs:dynamic/akash:Thing"]).to.deep.equal({
      description: "A thing.",
      inputProperties: { name: { description: "What to call it.", type: "string" }, size: { type: "number", default: 1 }, password: { type: "string", secret: true } },
      requiredInputs: ["name"],
      properties: { id2: { type: "string" }, token: { description: "Secret.", type: "string", secret: true }, note: { type: "string" } },
      required: ["id2", "token"],
    });
  });

  it("names the fix when an sdk class has no schema source or a secret is unknown", () => {
    expect(() => generate({ Nope: noDocs }, {})).to.throw(/no schema source for it.*npm run schema/);
    expect(() => generate({ Thing: noDocs }, { Thing: { ...thing, secrets: ["ghost"] } })).to.throw(/ghost/);
  });

  it("describes named types from the doc comments of the declaration they mirror", () => {
    const inner = z.object({ a: z.string(), b: z.number() });
    const outer: ResourceSchemaSource = {
      ...thing,
      outputs: z.object({ inner }),
      namedTypes: { Inner: { schema: inner, docs: { file: "src/inner.ts", name: "InnerOutput" } } },
      secrets: [],
    };
    const read = (file: string) => (file === "src/inner.ts" ? "export interface InnerOutput {\n  /** The a. */\n  a: string;\n  b: number;\n}" : noFiles(file));
    const schema = generate({ Thing: noDocs }, { Thing: outer }, read);
    expect(schema.resources["pulumi-nodejs:dynamic/akash:Thing"].properties.inner).to.deep.equal({ $ref: "#/types/akash:index:Inner" });
    expect(schema.types["akash:index:Inner"].properties).to.deep.equal({ a: { type: "string", description: "The a." }, b: { type: "number" } });
  });

  it("has a source for the Deployment with its bid policy as a named type", () => {
    const schema = generate({ Deployment: noDocs }, SCHEMA_SOURCES, (file) => fs.readFileSync(path.join(repoRoot(), file), "utf8"));
    const deployment = schema.resources["pulumi-nodejs:dynamic/akash:Deployment"];
    expect(deployment.inputProperties.bidPolicy).to.deep.equal({ $ref: "#/types/akash:index:BidPolicy" });
    expect(deployment.inputProperties.secretEnv.secret).to.equal(true);
    expect(deployment.requiredInputs).to.deep.equal(["sdl"]);
    expect(schema.types["akash:index:BidPolicy"].properties.gpuModels).to.deep.include({ type: "array", items: { type: "string" } });
    expect(schema.types["akash:index:BidPolicy"].properties.gpuModels.description).to.match(/GPU model/);
  });
});
