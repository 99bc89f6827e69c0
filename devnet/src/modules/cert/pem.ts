/** Go `encoding/pem.Decode`: the first PEM block of the input and whatever follows it. */
export interface PemBlock {
  type: string;
  bytes: Uint8Array;
  /** Input left after the block's END line. */
  rest: string;
}

const beginMarker = "-----BEGIN ";

export function pemDecode(input: string): PemBlock | undefined {
  const begin = input.startsWith(beginMarker) ? 0 : input.indexOf(`\n${beginMarker}`) + 1;
  if (begin <= 0 && !input.startsWith(beginMarker)) return undefined;
  const lineEnd = input.indexOf("\n", begin);
  if (lineEnd < 0) return undefined;
  const typeLine = input.slice(begin, lineEnd).trimEnd();
  if (!typeLine.endsWith("-----")) return undefined;
  const type = typeLine.slice(beginMarker.length, -5);
  const endMarker = `\n-----END ${type}-----`;
  const end = input.indexOf(endMarker, lineEnd - 1);
  if (end < 0) return undefined;
  const body = input.slice(lineEnd + 1, end).replace(/\s+/g, "");
  const bytes = Buffer.from(body, "base64");
  // Go's decoder is strict: anything that does not round-trip is not a PEM block.
  if (bytes.toString("base64") !== body) return undefined;
  const afterEnd = end + endMarker.length;
  const trailerEnd = input.indexOf("\n", afterEnd);
  const trailer = trailerEnd < 0 ? input.slice(afterEnd) : input.slice(afterEnd, trailerEnd);
  if (trailer.trim() !== "") return undefined;
  return { type, bytes: new Uint8Array(bytes), rest: trailerEnd < 0 ? "" : input.slice(trailerEnd + 1) };
}
