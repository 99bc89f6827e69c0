/**
 * Quantities with Go's exact parsing and rounding (chain-sdk go/sdl/units.go, coin.go, gpu.go, reclamation.go):
 * CPU in millicores (float x 1000, truncated), byte sizes with case-sensitive suffixes (float x unit, truncated),
 * GPU counts (strict unsigned integers), prices as cosmos LegacyDec (18 decimals) and Go durations.
 */
import { parseGoFloat, type Decoded } from "./scalars";

const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
const fail = <T>(message: string): Decoded<T> => ({ ok: false, message });

const K = 1000;
const Ki = 1024;
/** Suffix table of go/sdl/units.go unitSuffixes (memory.size, storage.size). */
export const byteSuffixes: Readonly<Record<string, number>> = {
  k: K, Ki, M: K ** 2, Mi: Ki ** 2, G: K ** 3, Gi: Ki ** 3, T: K ** 4, Ti: Ki ** 4, P: K ** 5, Pi: Ki ** 5, E: K ** 6, Ei: Ki ** 6,
};
/** Binary-only suffixes of go/sdl/units.go memorySuffixes (GPU ram). */
export const binarySuffixes: Readonly<Record<string, number>> = {
  Ki, Mi: Ki ** 2, Gi: Ki ** 3, Ti: Ki ** 4, Pi: Ki ** 5, Ei: Ki ** 6,
};
export const GiB = Ki ** 3;
const uint32Max = 4294967295;

/** cpu.units -> millicores: `250m`, `0.25`, `1`, `1.5`. */
export function cpuMillis(text: string): Decoded<number> {
  if (text.endsWith("m")) {
    const digits = text.slice(0, -1);
    if (!/^[0-9]+$/.test(digits) || Number(digits) > uint32Max) {
      return fail(`"${text}" is not a valid millicore count (expected e.g. 500m)`);
    }
    return ok(Number(digits));
  }
  const f = parseGoFloat(text);
  if (f === undefined || Number.isNaN(f)) return fail(`"${text}" is not a number of CPUs (expected e.g. 0.5 or 500m)`);
  const millis = f * 1000;
  if (millis < 0) return fail(`"${text}" is negative`);
  if (millis > uint32Max) return fail(`"${text}" is too large`);
  return ok(Math.trunc(millis));
}

/** A byte size with a suffix from `suffixes` (or none = bytes); Go truncates the float product. */
export function byteSize(text: string, suffixes: Readonly<Record<string, number>>): Decoded<number> {
  let number = text;
  let unit = 1;
  for (const [suffix, value] of Object.entries(suffixes)) {
    if (text.endsWith(suffix)) {
      number = text.slice(0, -suffix.length);
      unit = value;
      break;
    }
  }
  const f = parseGoFloat(number);
  const allowed = Object.keys(suffixes).join(", ");
  if (f === undefined || Number.isNaN(f)) {
    return fail(`"${text}" is not a size (a number with an optional case-sensitive suffix: ${allowed})`);
  }
  const bytes = f * unit;
  if (bytes < 0) return fail(`"${text}" is negative`);
  if (!Number.isFinite(bytes) || bytes >= 2 ** 64) return fail(`"${text}" is too large`);
  return ok(Math.trunc(bytes));
}

/** gpu.units: Go ParseUint (digits only, so `1.0` is rejected). */
export function gpuUnits(text: string): Decoded<number> {
  if (!/^[0-9]+$/.test(text) || Number(text) > Number.MAX_SAFE_INTEGER) {
    return fail(`"${text}" is not a whole number of GPUs`);
  }
  return ok(Number(text));
}

export const legacyPrecision = 18;

/**
 * cosmos LegacyNewDecFromStr, returned in LegacyDec.String() form ("50.000000000000000000").
 * Go accepts an optional "-", digits and up to 18 decimals; ".5" and "5." are invalid.
 */
export function legacyDec(text: string): Decoded<{ text: string; negative: boolean; zero: boolean }> {
  const m = /^(-?)\+?([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  if (!m) return fail(`"${text}" is not a decimal amount (expected e.g. 1000 or 0.25)`);
  const frac = m[3] ?? "";
  if (frac.length > legacyPrecision) {
    return fail(`"${text}" has more than ${legacyPrecision} decimal places`);
  }
  const int = BigInt(m[2]!).toString();
  const padded = frac.padEnd(legacyPrecision, "0");
  const zero = int === "0" && /^0*$/.test(padded);
  const negative = m[1] === "-" && !zero;
  return ok({ text: `${negative ? "-" : ""}${int}.${padded}`, negative, zero });
}

/** Compares two non-negative LegacyDec strings numerically. */
export function compareDec(a: string, b: string): number {
  const scaled = (s: string) => BigInt(s.replace(".", ""));
  const d = scaled(a) - scaled(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

const durationUnits: Record<string, number> = {
  ns: 1, us: 1e3, "µs": 1e3, "μs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9,
};

/** Go time.ParseDuration, in nanoseconds ("1h30m", "90s", "0"). */
export function goDuration(text: string): Decoded<number> {
  let rest = text;
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest.startsWith("-") ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return ok(0);
  if (rest === "") return fail(`"${text}" is not a duration (expected e.g. 1h, 30m or 1h30m)`);
  let total = 0;
  const part = /^([0-9]*(?:\.[0-9]*)?)([^0-9.]+)/;
  while (rest !== "") {
    const m = part.exec(rest);
    if (!m || m[1] === "" || m[1] === ".") return fail(`"${text}" is not a duration (expected e.g. 1h, 30m or 1h30m)`);
    const unit = durationUnits[m[2]!];
    if (unit === undefined) return fail(`"${text}" has an unknown unit "${m[2]}" (use ns, us, ms, s, m or h)`);
    total += Number(m[1]) * unit;
    rest = rest.slice(m[0].length);
  }
  return ok(sign * total);
}
