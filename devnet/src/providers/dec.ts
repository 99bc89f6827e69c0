/**
 * Cosmos LegacyDec arithmetic (18 decimals) on bigints, for prices: DecCoin amounts arrive as human
 * decimal strings ("1000", "1000.5", "1000.500000000000000000") and must compare exactly; prices go out
 * in LegacyDec's fixed 18-decimal form.
 */
export const DEC_PRECISION = 18;
const SCALE = 10n ** BigInt(DEC_PRECISION);

/** "12.5" -> 12.5 * 10^18 as a bigint; throws on anything that is not a plain non-negative decimal. */
export function parseDec(text: string): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`invalid decimal "${text}"`);
  const fraction = (match[2] ?? "").slice(0, DEC_PRECISION).padEnd(DEC_PRECISION, "0");
  return BigInt(match[1]) * SCALE + BigInt(fraction);
}

/**
 * A JS number (configuration input) as an exact 18-decimal bigint of its shortest round-trip decimal
 * form ("0.1", "1e-7"), so no binary noise reaches a price; digits past 18 decimals are truncated.
 */
export function decFromNumber(value: number): bigint {
  if (!Number.isFinite(value) || value < 0) throw new Error(`invalid non-negative number ${value}`);
  const [mantissa, exponent = "0"] = String(value).split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  const shift = Number(exponent) - fraction.length + DEC_PRECISION;
  const digits = BigInt(whole + fraction);
  return shift >= 0 ? digits * 10n ** BigInt(shift) : digits / 10n ** BigInt(-shift);
}

/** 12.5 * 10^18 -> "12.500000000000000000": cosmos LegacyDec.String(), how the real provider prints and sends a price. */
export function formatDec(value: bigint): string {
  return `${value / SCALE}.${(value % SCALE).toString().padStart(DEC_PRECISION, "0")}`;
}

/** Multiply two 18-decimal values, truncating like LegacyDec.Mul rounds (we only need an upper bound). */
export function mulDec(a: bigint, b: bigint): bigint {
  return (a * b) / SCALE;
}

export function decFromInt(value: bigint): bigint {
  return value * SCALE;
}
