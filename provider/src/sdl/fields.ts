/**
 * zod building blocks that decode YAML-tree fields the way gopkg.in/yaml.v3 decodes Go struct fields
 * (null = zero value, unknown keys ignored, custom UnmarshalYAML decoders on the raw scalar text).
 */
import { z } from "zod";
import { GoScalar, type YamlValue } from "./parse";
import { decodeBool, decodeString, decodeUint, scalarText, type Decoded } from "./scalars";
import { goSort, goStringLess } from "./gosort";
import type { Attribute } from "./schema";

/** zod field running a Go decoder; `fix` tells the user what to write instead. */
export function field<T>(decode: (v: YamlValue) => Decoded<T>, fix: string) {
  return z
    .custom<YamlValue>(() => true)
    .optional()
    .transform((v, ctx): T => {
      const r = decode(v);
      if (r.ok) return r.value;
      ctx.addIssue({ code: "custom", message: r.message, params: { fix } });
      return z.NEVER;
    });
}

/** A field decoded from the scalar's raw text by a Go UnmarshalYAML; null keeps `fallback`. */
export function textField<T>(decode: (text: string) => Decoded<T>, fallback: T, fix: string) {
  return field((v) => {
    const t = scalarText(v);
    if (!t.ok) return t;
    return t.value === undefined ? { ok: true, value: fallback } : decode(t.value);
  }, fix);
}

export const str = (fix = "write a single text value (quote it if it contains \": \" or \" #\")") => field(decodeString, fix);
export const bool = field(decodeBool, "write true or false");
export const uint32 = (fix = "write a whole number, without quotes") => field((v) => decodeUint(v, 32), fix);

const mappingMessage = "must be a mapping (key: value pairs)";
const listMessage = "must be a list";
export const mappingError = { error: mappingMessage };

/** zod's own type errors (a list or mapping expected) carry no params, so their fix is found by message. */
export const shapeFixes: Readonly<Record<string, string>> = {
  [mappingMessage]: "write key: value pairs on the lines below, indented (or { key: value })",
  [listMessage]: "write a list: one \"- item\" line per entry, indented below the key (or [a, b])",
};

/**
 * Lets `schema` (a zod object or record) see a scalar as the plain value it is: zod would otherwise accept the
 * GoScalar object as a mapping, where yaml.v3 says "cannot unmarshal !!str into struct".
 */
export function mapping<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v instanceof GoScalar ? v.value : v), schema);
}

/** A Go struct: null/absent is the zero struct; unknown keys are ignored like yaml.v3 does. */
export function struct<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.preprocess((v) => (v === undefined ? {} : v instanceof GoScalar ? v.value : v), z.object(shape, mappingError));
}

/** A Go pointer to struct: null/absent stays `undefined`. */
export function pointer<S extends z.core.$ZodLooseShape>(shape: S) {
  return mapping(z.object(shape, mappingError).optional());
}

/** A Go slice: absent/null is `undefined` (JSON null), `[]` stays empty. */
export function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: listMessage }).optional();
}

/** An entry of a map keyed by SDL names; own keys only, so a name like `constructor` finds nothing it did not define. */
export function own<T>(map: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(map, name) ? map[name] : undefined;
}

/** A Go map keyed by name. */
export function map<T extends z.ZodType>(item: T) {
  return mapping(z.record(z.string(), item, mappingError).optional()).transform((m) => m ?? {});
}

export const stringList = list(str());

/** A Go map[string]string (placement/storage attributes). */
export const stringMap = map(str());

export const unexpected = (what: string, fix: string) =>
  z.unknown().transform((_v, ctx) => {
    ctx.addIssue({ code: "custom", message: `unexpected field: ${what}`, params: { fix } });
    return z.NEVER;
  });

export function sortAttributes(attrs: Attribute[]): Attribute[] {
  return goSort(attrs, (a, b) => goStringLess(a.key, b.key));
}

/** Parses a nested value with `schema`, re-reporting its issues under `prefix`; undefined on failure. */
export function forward<T extends z.ZodType>(
  schema: T,
  value: unknown,
  ctx: z.core.$RefinementCtx,
  prefix: (string | number)[],
): z.output<T> | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const params = (issue as { params?: Record<string, unknown> }).params;
    ctx.addIssue({ code: "custom", message: issue.message, path: [...prefix, ...(issue.path as (string | number)[])], ...(params ? { params } : {}) });
  }
  return undefined;
}

export const toAttributes = (m: Record<string, string>): Attribute[] =>
  sortAttributes(Object.entries(m).map(([key, value]) => ({ key, value })));

