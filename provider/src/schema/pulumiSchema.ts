// The parts of the Pulumi package schema (https://www.pulumi.com/docs/iac/extending-pulumi/schema/) we emit.

export interface PropertySpec {
  type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  oneOf?: PropertySpec[];
  const?: string | number | boolean;
  default?: string | number | boolean;
  description?: string;
  secret?: boolean;
}

export interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

export interface ResourceSpec {
  description?: string;
  inputProperties: Record<string, PropertySpec>;
  requiredInputs: string[];
  properties: Record<string, PropertySpec>;
  required: string[];
}

export interface ConfigVariableSpec {
  type: "string";
  description: string;
  secret?: boolean;
  default?: string;
}

export interface PackageSpec {
  name: string;
  displayName: string;
  version: string;
  description: string;
  keywords: string[];
  license: string;
  /** Package names resource tokens may use besides `name` (ours are the engine's pulumi-nodejs dynamic tokens). */
  allowedPackageNames?: string[];
  config: { variables: Record<string, ConfigVariableSpec> };
  types: Record<string, ObjectTypeSpec>;
  resources: Record<string, ResourceSpec>;
  language: { nodejs: { packageName: string } };
}

/** Pulumi's built-in "any value" type. */
export const ANY: PropertySpec = { $ref: "pulumi.json#/Any" };
