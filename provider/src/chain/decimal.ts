/**
 * Exact arithmetic on cosmos LegacyDec strings ("5000000.5", "-12.25"): bigints scaled by 10^18, the
 * chain's own precision, so escrow balances never drift through floating point.
 */
export const DEC_PRECISION = 18;
const SCALE = 10n ** BigInt(DEC_PRECISION);

export function parseDec(text: string): bigint {
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new Error(`not a decimal number: "${text}"`);
  const fraction = (m[3] ?? "").slice(0, DEC_PRECISION).padEnd(DEC_PRECISION, "0");
  const value = BigInt(m[2] || "0") * SCALE + BigInt(fraction);
  return m[1] ? -value : value;
}

/** Shortest decimal string of a scaled value ("1.5", "-3", "0.000001"). */
export function formatDec(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / SCALE;
  const fraction = (abs % SCALE).toString().padStart(DEC_PRECISION, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

export function decToNumber(value: bigint): number {
  return Number(formatDec(value));
}

/** floor(a / b) for scaled values, as an integer count. */
export function divFloor(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
