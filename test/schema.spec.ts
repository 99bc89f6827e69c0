// schema.json must say exactly what the SDK does: every exported resource class, the inputs and outputs it
// registers, the secrets it marks, and the provider config keys; and it must be what `npm run schema` writes now.
import * as fs from "node:fs";
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as sdk from "../sdk";
import { AkashConfigError, resolveAkashConfig } from "../provider/src/resources/config";
import { currentSchema, exportedDeclarations, schemaPath } from "../provider/src/schema/main";
import type { PackageSpec, PropertySpec } from "../provider/src/schema/pulumiSchema";
import { sdkResourceClasses, type ResourceClass } from "../provider/src/schema/sdkResources";
import { registerWithMocks } from "./harness";

const committed = JSON.parse(fs.readFileSync(schemaPath(), "utf8")) as PackageSpec;
const classes = sdkResourceClasses(sdk as Record<string, unknown>);
const declarations = exportedDeclarations();

/** A value of the shape `spec` describes, with every optional property filled in. */
function sample(spec: PropertySpec, schema: PackageSpec): unknown {
  if (spec.oneOf) return sample(spec.oneOf[0], schema);
  if (spec.const !== undefined) return spec.const;
  if (spec.$ref?.startsWith("#/types/")) {
    const type = schema.types[spec.$ref.slice("#/types/".length)];
    return Object.fromEntries(Object.entries(type.properties).map(([k, p]) => [k, sample(p, schema)]));
  }
  switch (spec.type) {
    case "number":
    case "integer":
      return 1;
    case "boolean":
      return true;
    case "array":
      return [sample(spec.items!, schema)];
    case "object":
      return { a: sample(spec.additionalProperties!, schema) };
    default:
      return "1";
  }
}

interface ClassRegistration {
  token: string;
  inputs: string[];
  outputs: string[];
  additionalSecretOutputs: string[];
}

/** Constructs the class under mocks with `args`, recording what reaches the engine's RegisterResource. */
async function registerClass(cls: ResourceClass, args: Record<string, unknown>): Promise<ClassRegistration> {
  const secretLists: string[][] = [];
  const { resource, registrations } = await registerWithMocks(() => {
    // registerWithMocks installed the mock monitor; wrap it to see the request's additionalSecretOutputs.
    const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: any, cb: any): void };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
      secretLists.push(req.getAdditionalsecretoutputsList());
      register(req, cb);
    };
    return new cls("r", args);
  });
  expect(registrations).to.have.length(1);
  const inputs = Object.keys(registrations[0].inputs).filter((k) => k !== "__provider" && registrations[0].inputs[k] !== undefined);
  // The class creates an Output for every property it registers; those it passed as undefined are its outputs.
  const registered = Object.keys(resource).filter((k) => pulumi.Output.isInstance((resource as any)[k]) && !["urn", "id", "__provider"].includes(k));
  return {
    token: registrations[0].type,
    inputs: inputs.sort(),
    outputs: registered.filter((k) => !inputs.includes(k)).sort(),
    additionalSecretOutputs: [...secretLists[0]].sort(),
  };
}

const secretNames = (props: Record<string, PropertySpec>) => Object.keys(props).filter((k) => props[k].secret);

describe("schema.json", function () {
  this.timeout(30_000);

  it("is what `npm run schema` generates from the sdk and the zod schemas now", () => {
    const fresh = currentSchema();
    expect(committed, "schema.json is out of date: run `npm run schema` and commit schema.json").to.deep.equal(fresh);
  });

  it("has one resource per resource class exported by sdk/index.ts", () => {
    expect(Object.keys(classes)).to.include("Deployment");
    const tokens = Object.keys(classes).map((name) => sdk.akashTypeToken(name));
    expect(Object.keys(committed.resources).sort()).to.deep.equal(tokens.sort());
  });

  for (const [name, cls] of Object.entries(classes)) {
    describe(`sdk ${name}`, () => {
      const token = sdk.akashTypeToken(name);
      const spec = () => {
        const resource = committed.resources[token];
        expect(resource, `schema.json has no resource ${token}: run \`npm run schema\``).to.not.equal(undefined);
        return resource;
      };

      it("has the inputs of its args interface and the outputs the class declares", () => {
        const resource = spec();
        const { args, outputs } = declarations[name];
        expect(args.map((a) => a.name).sort(), `${name}Args members`).to.deep.equal(Object.keys(resource.inputProperties).sort());
        expect(args.filter((a) => !a.optional).map((a) => a.name).sort(), "required args").to.deep.equal([...resource.requiredInputs].sort());
        expect(outputs.map((o) => o.name).sort(), "declared output fields").to.deep.equal(Object.keys(resource.properties).sort());
      });

      it("registers the schema's token, inputs and outputs", async () => {
        const resource = spec();
        const args = Object.fromEntries(Object.entries(resource.inputProperties).map(([k, p]) => [k, sample(p, committed)]));
        const registered = await registerClass(cls, args);
        expect(registered.token).to.equal(token);
        expect(registered.inputs, "inputs").to.deep.equal(Object.keys(resource.inputProperties).sort());
        // Outputs that are also inputs (Escrow's dseq) are registered with their input value.
        const outputsOnly = Object.keys(resource.properties).filter((k) => !(k in resource.inputProperties));
        expect(registered.outputs, "outputs registered as undefined").to.deep.equal(outputsOnly.sort());
        expect(resource.required.every((k) => k in resource.properties)).to.equal(true);
        expect(resource.requiredInputs.every((k) => k in resource.inputProperties)).to.equal(true);
      });

      it("marks secret exactly the properties the class lists in additionalSecretOutputs", async () => {
        const resource = spec();
        const args = Object.fromEntries(resource.requiredInputs.map((k) => [k, sample(resource.inputProperties[k], committed)]));
        const { additionalSecretOutputs } = await registerClass(cls, args);
        const secrets = new Set([...secretNames(resource.inputProperties), ...secretNames(resource.properties)]);
        expect(additionalSecretOutputs).to.deep.equal([...secrets].sort());
      });
    });
  }

  it("keeps the rules of Pulumi's package metaschema (pkg/codegen/schema/pulumi.json) that our generator could break", () => {
    const token = /^[a-zA-Z][-a-zA-Z0-9_]*:([^0-9][a-zA-Z0-9._/-]*)?:[^0-9][a-zA-Z0-9._/-]*$/;
    for (const key of [...Object.keys(committed.resources), ...Object.keys(committed.types)]) expect(key).to.match(token);
    expect(committed.version).to.match(/^\d+\.\d+\.\d+/);
    // Resource tokens belong to the engine's pulumi-nodejs package, which the schema must allow.
    expect(committed.allowedPackageNames).to.deep.equal(["pulumi-nodejs"]);
    const visit = (spec: PropertySpec, where: string): void => {
      if (spec.oneOf) {
        expect(spec.oneOf.length, `${where}: a union has at least 2 members`).to.be.at.least(2);
        spec.oneOf.forEach((m, i) => visit(m, `${where}.oneOf[${i}]`));
      }
      if (spec.items) visit(spec.items, `${where}.items`);
      if (spec.additionalProperties) visit(spec.additionalProperties, `${where}.additionalProperties`);
      const kinds = [spec.type !== undefined && spec.type !== "array" && spec.type !== "object", spec.items, spec.additionalProperties, spec.oneOf, spec.$ref];
      expect(kinds.filter(Boolean).length, `${where}: exactly one kind of type`).to.equal(1);
    };
    for (const [token, resource] of Object.entries(committed.resources)) {
      for (const [name, spec] of Object.entries({ ...resource.inputProperties })) visit(spec, `${token}.inputProperties.${name}`);
      for (const [name, spec] of Object.entries(resource.properties)) visit(spec, `${token}.properties.${name}`);
    }
    for (const [token, type] of Object.entries(committed.types)) {
      for (const [name, spec] of Object.entries(type.properties)) visit(spec, `${token}.${name}`);
    }
  });

  it("every $ref points at a type in the schema", () => {
    const refs = JSON.stringify(committed).match(/"#\/types\/[^"]+"/g) ?? [];
    expect(refs.length).to.be.greaterThan(0);
    for (const ref of refs) expect(committed.types, ref).to.have.property(JSON.parse(ref).slice("#/types/".length));
  });

  describe("config variables", () => {
    // A bad value for each key must be reported against that key: proof resources/config.ts reads it.
    const bad: Record<string, string> = {
      mnemonic: "two words",
      network: "moon",
      rpcEndpoint: "ftp://rpc.example.com",
      chainId: "bad chain id!",
      gasPrice: "0.025uact",
      auditor: "cosmos1notakash",
    };

    it("lists the keys the provider reads, the mnemonic as a secret", () => {
      expect(Object.keys(committed.config.variables).sort()).to.deep.equal(Object.keys(bad).sort());
      expect(secretNames(committed.config.variables as Record<string, PropertySpec>)).to.deep.equal(["mnemonic"]);
    });

    for (const [name, value] of Object.entries(bad)) {
      it(`akash:${name} is read and validated by the provider config`, () => {
        const source = { get: (key: string) => (key === `akash:${name}` ? value : undefined) };
        let error: unknown;
        try {
          resolveAkashConfig(source, {});
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(AkashConfigError);
        expect((error as AkashConfigError).key).to.equal(`akash:${name}`);
      });
    }

    it("defaults match what the provider config uses", () => {
      const resolved = resolveAkashConfig(undefined, {});
      expect(committed.config.variables.network.default).to.equal(resolved.network);
      expect(committed.config.variables.gasPrice.default).to.equal(resolved.gasPrice);
    });
  });
});
