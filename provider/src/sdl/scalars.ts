/**
 * Decoding a YAML scalar into a typed field exactly as gopkg.in/yaml.v3 does (resolve.go, decode.go scalar()):
 * a string field takes any scalar's raw text, a bool field also takes the YAML 1.1 words (yes/no/on/off/y/n),
 * an unsigned field takes ints in Go's base-0 syntax (0x.., 0o.., 0b.., leading-0 octal, `_` separators) and
 * truncates floats.
 */
import { GoScalar, type YamlValue } from "./parse";

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
const fail = <T>(message: string): Decoded<T> => ({ ok: false, message });

type Resolved =
  | { tag: "bool"; value: boolean }
  | { tag: "int"; value: bigint }
  | { tag: "float"; value: number }
  | { tag: "str" | "timestamp"; value: string };

const trueWords = new Set(["true", "True", "TRUE"]);
const falseWords = new Set(["false", "False", "FALSE"]);
const yaml11True = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"]);
const yaml11False = new Set(["n", "N", "no", "No", "NO", "off", "Off", "OFF"]);
const specialFloats: Record<string, number> = {
  ".nan": NaN, ".NaN": NaN, ".NAN": NaN,
  ".inf": Infinity, ".Inf": Infinity, ".INF": Infinity,
  "+.inf": Infinity, "+.Inf": Infinity, "+.INF": Infinity,
  "-.inf": -Infinity, "-.Inf": -Infinity, "-.INF": -Infinity,
};
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const goFloatSyntax = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const goIntBase0 = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const timestampStart = /^[0-9]{4}-/;
const int64Min = -(2n ** 63n);
const uint64Max = 2n ** 64n - 1n;

/** Go's strconv.ParseInt/ParseUint with base 0 (sign, 0x/0o/0b prefixes, leading-0 octal). */
function parseGoIntBase0(text: string): bigint | undefined {
  const m = goIntBase0.exec(text);
  if (!m) return undefined;
  const body = m[2]!;
  const digits = /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body;
  const magnitude = BigInt(digits);
  const value = m[1] === "-" ? -magnitude : magnitude;
  return value < int64Min || value > uint64Max ? undefined : value;
}

/** Go's strconv.ParseFloat for the decimal syntax real SDLs use (no hex floats). */
export function parseGoFloat(text: string): number | undefined {
  if (goFloatSyntax.test(text)) return Number(text);
  const lower = text.toLowerCase().replace(/^[+]/, "");
  if (lower === "inf" || lower === "infinity") return Infinity;
  if (lower === "-inf" || lower === "-infinity") return -Infinity;
  if (lower === "nan") return NaN;
  return undefined;
}

/** The tag yaml.v3 gives a plain (unquoted) scalar. */
export function resolvePlain(text: string): Resolved {
  if (trueWords.has(text)) return { tag: "bool", value: true };
  if (falseWords.has(text)) return { tag: "bool", value: false };
  const special = specialFloats[text];
  if (special !== undefined) return { tag: "float", value: special };
  const first = text[0];
  if (first === ".") {
    const f = parseGoFloat(text);
    if (f !== undefined) return { tag: "float", value: f };
  } else if (first !== undefined && "+-0123456789".includes(first)) {
    if (timestampStart.test(text) && !Number.isNaN(Date.parse(text))) return { tag: "timestamp", value: text };
    const plain = text.replace(/_/g, "");
    const int = parseGoIntBase0(plain);
    if (int !== undefined) return { tag: "int", value: int };
    if (yamlStyleFloat.test(plain)) return { tag: "float", value: Number(plain) };
  }
  return { tag: "str", value: text };
}

function kindOf(v: YamlValue): string {
  return Array.isArray(v) ? "a list" : "a mapping";
}

/** A Go `string` field: null is "", any scalar gives its raw text. */
export function decodeString(v: YamlValue): Decoded<string> {
  if (v === undefined) return ok("");
  if (v instanceof GoScalar) return ok(v.value);
  return fail(`must be a text value, not ${kindOf(v)}`);
}

/** A Go `bool` field. */
export function decodeBool(v: YamlValue): Decoded<boolean> {
  if (v === undefined) return ok(false);
  if (!(v instanceof GoScalar)) return fail(`must be true or false, not ${kindOf(v)}`);
  const text = v.value;
  if (!v.quoted) {
    const r = resolvePlain(text);
    if (r.tag === "bool") return ok(r.value);
  }
  if (yaml11True.has(text)) return ok(true);
  if (yaml11False.has(text)) return ok(false);
  return fail(`must be true or false, got "${text}"`);
}

/** A Go unsigned integer field of the given bit size. */
export function decodeUint(v: YamlValue, bits: 32 | 64): Decoded<number> {
  if (v === undefined) return ok(0);
  const max = bits === 32 ? 4294967295 : Number.MAX_SAFE_INTEGER;
  const range = `must be a whole number from 0 to ${max}`;
  if (!(v instanceof GoScalar)) return fail(`${range}, not ${kindOf(v)}`);
  if (v.quoted) return fail(`${range}; "${v.value}" is quoted text (remove the quotes)`);
  const r = resolvePlain(v.value);
  if (r.tag === "int" && r.value >= 0n && r.value <= BigInt(max)) return ok(Number(r.value));
  if (r.tag === "float" && r.value >= 0 && r.value < max + 1) return ok(Math.trunc(r.value));
  return fail(`${range}, got "${v.value}"`);
}

/** Raw scalar text for Go's custom UnmarshalYAML decoders, which read `node.Value`; null stays undefined. */
export function scalarText(v: YamlValue): Decoded<string | undefined> {
  if (v === undefined) return ok(undefined);
  if (v instanceof GoScalar) return ok(v.value);
  return fail(`must be a single value, not ${kindOf(v)}`);
}
