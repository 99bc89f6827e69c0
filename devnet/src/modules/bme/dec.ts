/**
 * cosmos `math.LegacyDec` arithmetic on bigints (18 decimals): Mul and Quo round half-to-even the way
 * `chopPrecisionAndRound` does, so BME mint amounts and spreads match the node to the last unit.
 */
const precision = 10n ** 18n;
const half = precision / 2n;

export type Dec = bigint;

export function decFromInt(value: bigint): Dec {
  return value * precision;
}

/** Parses a decimal string such as "1.14" (at most 18 fraction digits). */
export function decFromString(text: string): Dec {
  const match = /^(-?)(\d+)(?:\.(\d{1,18}))?$/.exec(text.trim());
  if (!match) throw new Error(`invalid decimal "${text}"`);
  const value = BigInt(match[2]!) * precision + BigInt((match[3] ?? "").padEnd(18, "0"));
  return match[1] ? -value : value;
}

function chopAndRound(value: bigint): bigint {
  if (value < 0n) return -chopAndRound(-value);
  const quo = value / precision;
  const rem = value % precision;
  if (rem < half) return quo;
  if (rem > half) return quo + 1n;
  return quo % 2n === 0n ? quo : quo + 1n;
}

export function decMul(a: Dec, b: Dec): Dec {
  return chopAndRound(a * b);
}

export function decQuo(a: Dec, b: Dec): Dec {
  return chopAndRound((a * precision * precision) / b);
}

/** Integer part, truncated toward zero. */
export function decTruncate(value: Dec): bigint {
  return value / precision;
}

/** "1.500000000000000000", as LegacyDec.String() prints. */
export function decToString(value: Dec): string {
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / precision}.${(abs % precision).toString().padStart(18, "0")}`;
}
