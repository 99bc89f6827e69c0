/** Akash bech32 addresses: validation, account keys and module account addresses. */
import { rawSecp256k1PubkeyToRawAddress } from "@cosmjs/amino";
import { sha256 } from "@cosmjs/crypto";
import { fromBech32, toBech32, toUtf8 } from "@cosmjs/encoding";
import { sdkErrors } from "./errors";

export const bech32Prefix = "akash";

const moduleAddresses = new Map<string, string>();

/** cosmos authtypes.NewModuleAddress: the first 20 bytes of sha256(module name). */
export function moduleAddress(module: string): string {
  let address = moduleAddresses.get(module);
  if (address === undefined) {
    address = toBech32(bech32Prefix, sha256(toUtf8(module)).slice(0, 20));
    moduleAddresses.set(module, address);
  }
  return address;
}

export function addressFromSecp256k1(pubkey: Uint8Array): string {
  return toBech32(bech32Prefix, rawSecp256k1PubkeyToRawAddress(pubkey));
}

/** True for a well-formed akash1... account address (20 or 32 bytes). */
export function isAccountAddress(address: string): boolean {
  try {
    const { prefix, data } = fromBech32(address);
    return prefix === bech32Prefix && (data.length === 20 || data.length === 32);
  } catch {
    return false;
  }
}

/** Throws sdk code 7 "invalid address" wrapped the way x/bank and x/auth word it. */
export function assertAddress(address: string, field: string): void {
  if (!isAccountAddress(address)) {
    throw sdkErrors.invalidAddress.wrap(`invalid ${field} address: ${address === "" ? "empty address string is not allowed" : `decoding bech32 failed: ${address}`}`);
  }
}
