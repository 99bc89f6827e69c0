// Converts the JSON Schema that zod's z.toJSONSchema emits into Pulumi schema properties. Pulumi has no inline
// object types, so every object with fixed properties becomes a named type under `types`: `$defs` entries keep
// their id, anonymous objects are named after where they appear (BidPolicy.strategy -> BidPolicyStrategy).
import { ANY, type ObjectTypeSpec, type PropertySpec } from "./pulumiSchema";

/** The subset of JSON Schema (draft 2020-12) that zod emits for our schemas. */
export interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  default?: unknown;
  description?: string;
}

/** Where named types are collected, and the token prefix they get (e.g. "akash:index:"). */
export interface TypeSink {
  prefix: string;
  types: Record<string, ObjectTypeSpec>;
}

const PRIMITIVES = new Set(["string", "number", "integer", "boolean"]);

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return ["string", "number", "boolean"].includes(typeof value);
}

/** Adds a named type, refusing two different shapes under one name (two resources may share a type). */
function addType(sink: TypeSink, name: string, spec: ObjectTypeSpec): string {
  const token = `${sink.prefix}${name}`;
  const existing = sink.types[token];
  if (existing && JSON.stringify(existing) !== JSON.stringify(spec)) {
    throw new Error(`schema type ${token} is defined twice with different shapes; give one of them another name`);
  }
  sink.types[token] = spec;
  return `#/types/${token}`;
}

function withMeta(spec: PropertySpec, schema: JsonSchema): PropertySpec {
  const out = { ...spec };
  if (schema.description) out.description = schema.description;
  if (isPrimitive(schema.default)) out.default = schema.default;
  return out;
}

/** Pulumi's `required` means always present, which a value that may be null is not. */
export function alwaysPresent(schema: JsonSchema): string[] {
  const hasNull = (s: JsonSchema) => s.type === "null" || (Array.isArray(s.type) && s.type.includes("null"));
  const mayBeNull = (s: JsonSchema | undefined) => s !== undefined && (hasNull(s) || (s.anyOf ?? []).some(hasNull));
  return (schema.required ?? []).filter((name) => !mayBeNull(schema.properties?.[name]));
}

/** The named object type for an object schema with fixed properties. */
export function convertObject(root: JsonSchema, schema: JsonSchema, name: string, sink: TypeSink): ObjectTypeSpec {
  const properties: Record<string, PropertySpec> = {};
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    properties[key] = convertProperty(root, value, name + pascal(key), sink);
  }
  const spec: ObjectTypeSpec = { type: "object", properties };
  if (schema.description) spec.description = schema.description;
  const required = alwaysPresent(schema);
  if (required.length) spec.required = required;
  return spec;
}

/**
 * One property. `root` holds the `$defs`; `name` is the type name used if this is an anonymous object.
 * Constraints Pulumi cannot express (patterns, bounds) are left to the provider's check.
 */
export function convertProperty(root: JsonSchema, schema: JsonSchema, name: string, sink: TypeSink): PropertySpec {
  if (schema.$ref) {
    const id = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target = id === undefined ? undefined : root.$defs?.[id];
    if (!id || !target) throw new Error(`unsupported JSON Schema reference ${schema.$ref}`);
    return withMeta(convertProperty(root, target, id, sink), schema);
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const members = union.filter((m) => m.type !== "null");
    const objects = members.filter((m) => m.properties).length;
    let index = 0;
    const converted = members.map((m) => convertProperty(root, m, m.properties && objects > 1 ? `${name}${++index}` : name, sink));
    return withMeta(converted.length === 1 ? converted[0] : { oneOf: converted }, schema);
  }
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t) => t !== undefined && t !== "null");
  if (types.length > 1) {
    return withMeta({ oneOf: types.map((t) => convertProperty(root, { ...schema, type: t, default: undefined }, name, sink)) }, schema);
  }
  const type = types[0];
  if (type === "array") return withMeta({ type: "array", items: schema.items ? convertProperty(root, schema.items, name, sink) : ANY }, schema);
  if (type === "object" || (type === undefined && schema.properties)) {
    if (schema.properties && Object.keys(schema.properties).length > 0) {
      return withMeta({ $ref: addType(sink, name, convertObject(root, schema, name, sink)) }, schema);
    }
    const values = typeof schema.additionalProperties === "object" ? convertProperty(root, schema.additionalProperties, name, sink) : ANY;
    return withMeta({ type: "object", additionalProperties: values }, schema);
  }
  if (type !== undefined && PRIMITIVES.has(type)) {
    const spec: PropertySpec = { type: type as PropertySpec["type"] };
    if (isPrimitive(schema.const)) spec.const = schema.const;
    return withMeta(spec, schema);
  }
  if (type === undefined) return withMeta(ANY, schema);
  throw new Error(`unsupported JSON Schema type ${JSON.stringify(type)} for ${name}`);
}
