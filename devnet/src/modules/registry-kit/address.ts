/**
 * Bech32 account addresses as cosmos-sdk `AccAddressFromBech32` parses them, and the store-key form
 * (hex of the address bytes) that keeps iteration in the node's byte order.
 */
import { fromBech32, toBech32, toHex, fromHex } from "@cosmjs/encoding";
import { sdkErrors } from "../../chain/errors";

export const bech32Prefix = "akash";

/** Parses an account address; throws a plain Error with the Go message when it is not one. */
export function accAddressBytes(address: string): Uint8Array {
  if (address.trim().length === 0) throw new Error("empty address string is not allowed");
  let decoded: { prefix: string; data: Uint8Array };
  try {
    decoded = fromBech32(address);
  } catch (err) {
    throw new Error(`decoding bech32 failed: ${(err as Error).message}`);
  }
  if (decoded.prefix !== bech32Prefix) {
    throw new Error(`invalid Bech32 prefix; expected ${bech32Prefix}, got ${decoded.prefix}`);
  }
  if (decoded.data.length === 0) throw new Error("addresses cannot be empty: unknown address");
  if (decoded.data.length > 255) throw new Error(`address max length is 255, got ${decoded.data.length}: unknown address`);
  return decoded.data;
}

/** True when `address` is a valid account address. */
export function isAccAddress(address: string): boolean {
  try {
    accAddressBytes(address);
    return true;
  } catch {
    return false;
  }
}

/** Store-key segment for an address: hex of its bytes, so lexical order is the node's byte order. */
export function addressKey(address: string): string {
  return toHex(accAddressBytes(address));
}

/** Inverse of addressKey. */
export function addressFromKey(key: string): string {
  return toBech32(bech32Prefix, fromHex(key));
}

/** Msg-server address check: sdk "invalid address" wrapped as "invalid <field> address: <reason>". */
export function requireAddress(field: string, address: string): void {
  try {
    accAddressBytes(address);
  } catch (err) {
    throw sdkErrors.invalidAddress.wrap(`invalid ${field} address: ${(err as Error).message}`);
  }
}
