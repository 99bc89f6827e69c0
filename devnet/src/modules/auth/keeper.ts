/**
 * x/auth account state: BaseAccounts numbered on first receipt, public keys set by the first signed tx,
 * and module accounts (escrow, fee_collector, bme...) at sha256(name)[:20].
 */
import { fromBase64 } from "@cosmjs/encoding";
import { moduleAddress } from "../../chain/address";
import { defaultAuthParams, type AuthParams } from "../../chain/gas";
import type { Auth, KVStore } from "../../chain/types";

/** An account as stored (plain JSON). */
export interface AccountRecord {
  address: string;
  accountNumber: string;
  sequence: string;
  /** base64 compressed secp256k1 public key, once the account has signed */
  pubKey?: string;
  /** set for module accounts */
  name?: string;
  permissions?: string[];
}

export const authKeys = {
  account: (address: string) => `auth/accounts/${address}`,
  accounts: "auth/accounts/",
  nextAccountNumber: "auth/next_account_number",
  params: "auth/params",
} as const;

/** x/auth params from state (each call is a metered read, as the node's GetParams). */
export function getAuthParams(store: KVStore): AuthParams {
  return store.get<AuthParams>(authKeys.params) ?? defaultAuthParams;
}

export function getAccount(store: KVStore, address: string): AccountRecord | undefined {
  return store.get<AccountRecord>(authKeys.account(address));
}

export function setAccount(store: KVStore, account: AccountRecord): void {
  store.set(authKeys.account(account.address), account);
}

function nextAccountNumber(store: KVStore): string {
  const next = store.get<string>(authKeys.nextAccountNumber) ?? "0";
  store.set(authKeys.nextAccountNumber, (BigInt(next) + 1n).toString());
  return next;
}

/** The account at address, created with the next account number if it does not exist (x/bank does this on receipt). */
export function ensureAccount(store: KVStore, address: string): AccountRecord {
  const existing = getAccount(store, address);
  if (existing) return existing;
  const account: AccountRecord = { address, accountNumber: nextAccountNumber(store), sequence: "0" };
  setAccount(store, account);
  return account;
}

/** The module account for `name`, created on first use like x/auth GetModuleAccount. */
export function ensureModuleAccount(store: KVStore, name: string, permissions: string[] = []): AccountRecord {
  const address = moduleAddress(name);
  const existing = getAccount(store, address);
  if (existing?.name) return existing;
  const account: AccountRecord = {
    address,
    accountNumber: existing?.accountNumber ?? nextAccountNumber(store),
    sequence: existing?.sequence ?? "0",
    name,
    permissions,
  };
  setAccount(store, account);
  return account;
}

/** The Auth view modules get through Context. */
export function authView(store: KVStore): Auth {
  return {
    pubkey(address: string) {
      const key = getAccount(store, address)?.pubKey;
      return key === undefined ? undefined : fromBase64(key);
    },
    accountExists(address: string) {
      return store.has(authKeys.account(address));
    },
  };
}
