/**
 * The manifest version hash exactly as Go computes it (go/manifest/v2beta3 Manifest.Version): json.Marshal,
 * cosmos-sdk SortJSON (keys sorted in byte order at every level, compact), sha256. Strings use Go's escaping:
 * `<`, `>`, `&`, U+2028 and U+2029 become \u escapes, invalid UTF-16 becomes U+FFFD.
 */
import { createHash } from "node:crypto";
import { sortStrings } from "./gosort";

const goEscapes: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Characters that need more than plain quoting. */
const needsEscape = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;

function goString(s: string): string {
  if (!needsEscape.test(s)) return `"${s}"`;
  return JSON.stringify(s.replace(loneSurrogate, "\ufffd")).replace(/[<>&\u2028\u2029]/g, (c) => goEscapes[c]!);
}

function write(value: unknown, out: string[]): void {
  if (value === null || value === undefined) {
    out.push("null");
  } else if (typeof value === "string") {
    out.push(goString(value));
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`cannot encode ${value} as JSON`);
    out.push(JSON.stringify(value));
  } else if (typeof value === "boolean") {
    out.push(value ? "true" : "false");
  } else if (Array.isArray(value)) {
    out.push("[");
    value.forEach((item, i) => {
      if (i > 0) out.push(",");
      write(item, out);
    });
    out.push("]");
  } else if (typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = sortStrings(Object.keys(obj).filter((k) => obj[k] !== undefined));
    out.push("{");
    keys.forEach((key, i) => {
      if (i > 0) out.push(",");
      out.push(goString(key), ":");
      write(obj[key], out);
    });
    out.push("}");
  } else {
    throw new TypeError(`cannot encode a ${typeof value} as JSON`);
  }
}

/** The exact bytes Go hashes (and the provider PUT body): sorted keys, compact, Go string escaping. */
export function sortedManifestJson(manifest: unknown): string {
  const out: string[] = [];
  write(manifest, out);
  return out.join("");
}

/** The 32-byte manifest version (MsgCreateDeployment.hash) of a manifest in canonical shape. */
export function manifestVersion(manifest: unknown): Uint8Array {
  return jsonVersion(sortedManifestJson(manifest));
}

/** sha256 of already-sorted manifest JSON. */
export function jsonVersion(sortedJson: string): Uint8Array {
  return new Uint8Array(createHash("sha256").update(sortedJson, "utf8").digest());
}
