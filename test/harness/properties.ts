// The engine's view of resource properties, and how it crosses the wire to a provider.
// Values are plain JSON plus two markers: `secret(v)` and `UNKNOWN` (a preview-time computed value).
// On the wire the engine uses Pulumi's sentinels (runtime.unknownValue, runtime.specialSigKey/specialSecretSig)
// inside a google.protobuf.Struct; toWire/fromWire reproduce the Go engine's MarshalProperties/UnmarshalProperties.
import * as pulumi from "@pulumi/pulumi";
import { isDeepStrictEqual } from "node:util";

export class Secret {
  constructor(readonly value: PropertyValue) {}
}

/** A value the engine does not know yet (preview). */
export const UNKNOWN: unique symbol = Symbol("unknown");

export type PropertyValue =
  | null
  | boolean
  | number
  | string
  | PropertyValue[]
  | { [key: string]: PropertyValue }
  | Secret
  | typeof UNKNOWN;
export type PropertyMap = { [key: string]: PropertyValue };

export function secret(value: PropertyValue): Secret {
  return value instanceof Secret ? value : new Secret(value);
}

export function isSecret(value: PropertyValue | undefined): value is Secret {
  return value instanceof Secret;
}

export interface WireOptions {
  keepUnknowns: boolean;
  keepSecrets: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Engine → provider: secrets are unwrapped unless the provider accepts them; unknowns are dropped unless kept. */
export function toWire(map: PropertyMap, options: WireOptions): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(map)) {
    const wire = valueToWire(value, options);
    if (wire !== undefined) out[key] = wire;
  }
  return out;
}

function valueToWire(value: PropertyValue, options: WireOptions): Json | undefined {
  if (value === UNKNOWN) return options.keepUnknowns ? pulumi.runtime.unknownValue : undefined;
  if (value instanceof Secret) {
    const inner = valueToWire(value.value, options);
    if (inner === undefined || !options.keepSecrets) return inner;
    return { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: inner };
  }
  if (Array.isArray(value)) return value.map((v) => valueToWire(v, options) ?? null);
  if (value !== null && typeof value === "object") return toWire(value, options);
  return value;
}

/** Provider → engine: secret-signature objects become secrets, the unknown sentinel becomes UNKNOWN. */
export function fromWire(obj: { [key: string]: unknown }): PropertyMap {
  const out: PropertyMap = {};
  for (const [key, value] of Object.entries(obj)) out[key] = valueFromWire(value);
  return out;
}

function valueFromWire(value: unknown): PropertyValue {
  if (value === pulumi.runtime.unknownValue) return UNKNOWN;
  if (Array.isArray(value)) return value.map(valueFromWire);
  if (value !== null && typeof value === "object") {
    const record = value as { [key: string]: unknown };
    if (record[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) return secret(valueFromWire(record.value));
    if (pulumi.runtime.specialSigKey in record) {
      throw new Error(`harness: unsupported special value ${JSON.stringify(record)}`);
    }
    return fromWire(record);
  }
  if (value === undefined) throw new Error("harness: undefined is not a property value");
  return value as PropertyValue;
}

export function containsSecrets(value: PropertyValue | undefined): boolean {
  if (value instanceof Secret) return true;
  if (Array.isArray(value)) return value.some(containsSecrets);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsSecrets);
  return false;
}

/**
 * The engine's annotateSecrets: a provider that does not accept secrets gets plain values, so the engine
 * re-marks any output whose same-named input (recursively through objects) held a secret.
 */
export function annotateSecrets(outs: PropertyMap, ins: PropertyMap): void {
  for (const [key, inValue] of Object.entries(ins)) {
    if (!(key in outs)) continue;
    const outValue = outs[key];
    if (isPlainObject(outValue) && isPlainObject(inValue)) annotateSecrets(outValue, inValue);
    else if (!(outValue instanceof Secret) && containsSecrets(inValue)) outs[key] = secret(outValue);
  }
}

function isPlainObject(value: PropertyValue): value is PropertyMap {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Secret);
}

/** Strips the markers, for assertions on values. */
export function plain(value: PropertyValue): unknown {
  if (value instanceof Secret) return plain(value.value);
  if (value === UNKNOWN) return UNKNOWN;
  if (Array.isArray(value)) return value.map(plain);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

export function propertiesEqual(a: PropertyMap, b: PropertyMap): boolean {
  return isDeepStrictEqual(plain(a), plain(b));
}
