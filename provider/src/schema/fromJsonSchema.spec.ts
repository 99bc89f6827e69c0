import { expect } from "chai";
import { z } from "zod";
import { convertProperty, type JsonSchema, type TypeSink } from "./fromJsonSchema";

function convert(schema: z.ZodType, io: "input" | "output" = "input") {
  const sink: TypeSink = { prefix: "akash:index:", types: {} };
  const root = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return { spec: convertProperty(root, root, "Thing", sink), types: sink.types };
}

describe("schema/fromJsonSchema", () => {
  it("maps primitives, arrays and records, keeping primitive defaults", () => {
    expect(convert(z.number().int().default(3)).spec).to.deep.equal({ type: "integer", default: 3 });
    expect(convert(z.array(z.string().min(1))).spec).to.deep.equal({ type: "array", items: { type: "string" } });
    expect(convert(z.record(z.string(), z.boolean())).spec).to.deep.equal({ type: "object", additionalProperties: { type: "boolean" } });
    expect(convert(z.record(z.string(), z.unknown())).spec).to.deep.equal({ type: "object", additionalProperties: { $ref: "pulumi.json#/Any" } });
  });

  it("turns objects into named types, named after where they appear", () => {
    const { spec, types } = convert(z.object({ inner: z.object({ a: z.string(), b: z.number().optional() }).describe("the inner one") }));
    expect(spec).to.deep.equal({ $ref: "#/types/akash:index:Thing" });
    expect(types["akash:index:Thing"].properties.inner).to.deep.equal({ $ref: "#/types/akash:index:ThingInner", description: "the inner one" });
    expect(types["akash:index:ThingInner"]).to.deep.equal({
      type: "object",
      description: "the inner one",
      properties: { a: { type: "string" }, b: { type: "number" } },
      required: ["a"],
    });
  });

  it("maps unions to oneOf, literals to const, and drops null from nullable values", () => {
    expect(convert(z.union([z.literal("cheapest"), z.number()])).spec).to.deep.equal({
      oneOf: [{ type: "string", const: "cheapest" }, { type: "number" }],
    });
    expect(convert(z.string().nullable(), "output").spec).to.deep.equal({ type: "string" });
    const { types } = convert(z.object({ a: z.string().nullable(), b: z.string() }), "output");
    expect(types["akash:index:Thing"].required, "a value that may be null is not always present").to.deep.equal(["b"]);
  });

  it("uses $defs ids as type names and refuses one name for two shapes", () => {
    const a = z.object({ x: z.string() });
    const metadata = z.registry<{ id: string }>();
    metadata.add(a, { id: "Named" });
    const root = z.toJSONSchema(z.object({ p: a, q: a }), { metadata }) as JsonSchema;
    const sink: TypeSink = { prefix: "akash:index:", types: {} };
    expect(convertProperty(root, root.properties!.p, "P", sink)).to.deep.equal({ $ref: "#/types/akash:index:Named" });
    expect(Object.keys(sink.types)).to.deep.equal(["akash:index:Named"]);
    const other = z.toJSONSchema(z.object({ y: z.number() })) as JsonSchema;
    expect(() => convertProperty(other, other, "Named", sink)).to.throw(/akash:index:Named is defined twice/);
  });
});
