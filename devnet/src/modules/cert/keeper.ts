/**
 * Certificate state (node x/cert/keeper): keyed by state, owner address bytes and length-prefixed
 * serial bytes, so listings go valid-first, then by owner, then by serial like the node's store.
 */
import type { Context } from "../../chain/types";
import { addressKey } from "../registry-kit/address";
import { sdkErrors } from "../../chain/errors";
import { certErrors } from "./errors";

export type CertState = "valid" | "revoked";
export const certStateCodes: Record<CertState, string> = { valid: "1", revoked: "2" };

export interface StoredCertificate {
  /** PEM text. */
  cert: string;
  pubkey: string;
}

export interface CertificateEntry extends StoredCertificate {
  state: CertState;
  serial: bigint;
}

export const certPrefix = "cert/";
const maxSerialBytes = 40;

/** Length-prefixed big-endian serial bytes in hex (empty for serial 0, like big.Int.Bytes()). */
export function serialKey(serial: bigint): string {
  const magnitude = serial < 0n ? -serial : serial;
  if (magnitude === 0n) return "";
  let hex = magnitude.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const length = hex.length / 2;
  if (length > maxSerialBytes) {
    throw sdkErrors.unknownAddress.wrap(`serial length should be max ${maxSerialBytes} bytes, got ${length}`);
  }
  return length.toString(16).padStart(2, "0") + hex;
}

/** Store prefix of one state, optionally narrowed to an owner and a serial. */
export function certSearchPrefix(state: CertState, owner?: string, serial?: bigint): string {
  let prefix = `${certPrefix}${certStateCodes[state]}/`;
  if (owner === undefined) return prefix;
  prefix += `${addressKey(owner)}/`;
  return serial === undefined ? prefix : prefix + serialKey(serial);
}

function parseSerialKey(key: string): bigint {
  const hex = key.slice(key.lastIndexOf("/") + 1).slice(2);
  return hex === "" ? 0n : BigInt(`0x${hex}`);
}

export interface CertKeeper {
  get(ctx: Context, owner: string, serial: string): { state: CertState; cert: string; pubkey: string } | undefined;
  /** Entries under a search prefix, with full store keys. */
  entries(ctx: Context, prefix: string): Array<[key: string, entry: CertificateEntry]>;
  create(ctx: Context, owner: string, serial: bigint, certificate: StoredCertificate): void;
  revoke(ctx: Context, owner: string, serial: bigint): void;
}

export function createCertKeeper(): CertKeeper {
  const find = (ctx: Context, owner: string, serial: bigint) => {
    for (const state of ["valid", "revoked"] as const) {
      const key = certSearchPrefix(state, owner, serial);
      const stored = ctx.store.get<StoredCertificate>(key);
      if (stored) return { key, state, stored };
    }
    return undefined;
  };
  return {
    get(ctx, owner, serial) {
      if (!/^[+-]?\d+$/.test(serial)) return undefined;
      const found = find(ctx, owner, BigInt(serial));
      return found && { state: found.state, ...found.stored };
    },
    entries: (ctx, prefix) =>
      ctx.store.entries<StoredCertificate>(prefix).map(([key, stored]) => {
        const state = key.slice(certPrefix.length, certPrefix.length + 1) === certStateCodes.valid ? "valid" : "revoked";
        return [key, { ...stored, state, serial: parseSerialKey(key) }];
      }),
    create(ctx, owner, serial, certificate) {
      if (find(ctx, owner, serial)) throw certErrors.certificateExists;
      ctx.store.set(certSearchPrefix("valid", owner, serial), certificate);
    },
    revoke(ctx, owner, serial) {
      const found = find(ctx, owner, serial);
      if (!found) throw certErrors.certificateNotFound;
      if (found.state === "revoked") throw certErrors.certificateAlreadyRevoked;
      ctx.store.delete(found.key);
      ctx.store.set(certSearchPrefix("revoked", owner, serial), found.stored);
    },
  };
}
