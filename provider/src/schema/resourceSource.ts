// What the schema generator needs to know about one resource, beyond what its SDK class registers.
import type { z } from "zod";

/** A TypeScript declaration whose members' doc comments describe a type: an interface or a `z.object({...})` const. */
export interface SourceRef {
  /** Path from the repository root. */
  file: string;
  name: string;
}

export interface NamedType {
  schema: z.ZodType;
  docs?: SourceRef;
}

export interface ResourceSchemaSource {
  description: string;
  /** What the resource's check validates; its input side is used, so defaulted properties are optional. */
  inputs: z.ZodObject;
  /** The outputs the SDK class declares, as returned by create and read. */
  outputs: z.ZodObject;
  /** Object types named explicitly (others are named after the property they appear in). */
  namedTypes: Record<string, NamedType>;
  /** Properties the SDK class lists in additionalSecretOutputs. */
  secrets: readonly string[];
}

/** Compile-time check that a zod schema and a hand-written interface describe the same values. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;
