/**
 * Exact cosmos `LegacyDec` arithmetic (18 decimal places) on bigint "atomics" (value × 10^18).
 * Escrow settlement truncates at precise points; doing it on bigints reproduces the Go results bit for bit.
 */
export const PRECISION = 18;
export const ONE = 10n ** BigInt(PRECISION);

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parses a human decimal ("100.5", "-3", "0.000001") into atomics; more than 18 fraction digits is an error. */
export function parseDec(text: string): bigint {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new Error(`invalid decimal "${text}"`);
  const fraction = m[3] ?? "";
  if (fraction.length > PRECISION) throw new Error(`decimal "${text}" has more than ${PRECISION} fractional digits`);
  const atomics = BigInt(m[2]) * ONE + BigInt(fraction.padEnd(PRECISION, "0") || "0");
  return m[1] ? -atomics : atomics;
}

/** Atomics as the shortest human decimal, the form chain-sdk's LegacyDec decoder yields ("100.5", "0"). */
export function formatDec(atomics: bigint): string {
  const sign = atomics < 0n ? "-" : "";
  const abs = atomics < 0n ? -atomics : atomics;
  const whole = abs / ONE;
  const fraction = (abs % ONE).toString().padStart(PRECISION, "0").replace(/0+$/, "");
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** Atomics as Go's `LegacyDec.String()` (always 18 decimals), used in JSON events. */
export function formatDecFixed(atomics: bigint): string {
  const sign = atomics < 0n ? "-" : "";
  const abs = atomics < 0n ? -atomics : atomics;
  return `${sign}${abs / ONE}.${(abs % ONE).toString().padStart(PRECISION, "0")}`;
}

/** `LegacyDec.TruncateInt`: the integer part, rounding toward zero. */
export function truncateInt(atomics: bigint): bigint {
  return atomics / ONE;
}

/** `LegacyDec.TruncateDec`: drops the fractional part, keeping the decimal scale. */
export function truncateDec(atomics: bigint): bigint {
  return (atomics / ONE) * ONE;
}

export function fromInt(value: bigint | string | number): bigint {
  return BigInt(value) * ONE;
}

export function minDec(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
