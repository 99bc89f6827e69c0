/**
 * The account key from a mnemonic: a direct signer for transactions and an amino signer for provider JWTs
 * (chain-sdk's JwtTokenManager signs ADR-36 amino docs). The mnemonic never appears in errors, logs or in
 * the object's printed/serialized form.
 */
import { Secp256k1HdWallet, type OfflineAminoSigner } from "@cosmjs/amino";
import { makeCosmoshubPath } from "@cosmjs/amino";
import { DirectSecp256k1HdWallet, type OfflineDirectSigner } from "@cosmjs/proto-signing";
import { inspect } from "node:util";
import { CONFIG_KEYS, ConfigError } from "./errors";

export const AKASH_PREFIX = "akash";

export interface AkashSigner {
  readonly address: string;
  /** compressed secp256k1 public key */
  readonly pubkey: Uint8Array;
  readonly direct: OfflineDirectSigner;
  readonly amino: OfflineAminoSigner;
}

class MnemonicSigner implements AkashSigner {
  constructor(
    readonly address: string,
    readonly pubkey: Uint8Array,
    readonly direct: OfflineDirectSigner,
    readonly amino: OfflineAminoSigner,
  ) {}

  // The wallets hold the mnemonic: never print or serialize them.
  toJSON(): string {
    return `[AkashSigner ${this.address}]`;
  }

  [inspect.custom](): string {
    return this.toJSON();
  }
}

/** Derives the akash account m/44'/118'/0'/0/0 (coin type 118, as Keplr and the akash CLI). */
export async function signerFromMnemonic(mnemonic: string): Promise<AkashSigner> {
  const normalized = normalizeMnemonic(mnemonic);
  const options = { prefix: AKASH_PREFIX, hdPaths: [makeCosmoshubPath(0)] };
  let direct: DirectSecp256k1HdWallet;
  let amino: Secp256k1HdWallet;
  try {
    direct = await DirectSecp256k1HdWallet.fromMnemonic(normalized, options);
    amino = await Secp256k1HdWallet.fromMnemonic(normalized, options);
  } catch (error) {
    throw new ConfigError(
      CONFIG_KEYS.mnemonic,
      `is not a valid BIP39 mnemonic (${scrubSecret((error as Error).message, normalized)}); ` +
        `set it with \`pulumi config set --secret ${CONFIG_KEYS.mnemonic} "<12 or 24 words>"\``,
    );
  }
  const [account] = await direct.getAccounts();
  return new MnemonicSigner(account.address, account.pubkey, direct, amino);
}

/** The words of a mnemonic separated by single spaces (what BIP39 derives from). */
export function normalizeMnemonic(mnemonic: string): string {
  return mnemonic.trim().split(/\s+/).join(" ");
}

/** Replaces the secret, and each of its words, in `text` (for error messages that might echo it). */
export function scrubSecret(text: string, secret: string): string {
  let out = text.split(secret).join("[redacted]");
  for (const word of new Set(secret.split(/\s+/).filter((w) => w.length > 0))) {
    out = out.replace(new RegExp(`\\b${escapeRegExp(word)}\\b`, "g"), "[redacted]");
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
