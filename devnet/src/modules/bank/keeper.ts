/**
 * x/bank balances, supply and transfers with the events cosmos-sdk's bank keeper emits
 * (coin_spent, coin_received, transfer, message.sender, coinbase, burn).
 */
import { moduleAddress } from "../../chain/address";
import { formatCoins, normalizeCoins } from "../../chain/coins";
import { sdkErrors } from "../../chain/errors";
import type { Bank, Coin, Events, KVStore } from "../../chain/types";
import { ensureAccount, ensureModuleAccount, getAccount } from "../auth/keeper";

export const bankKeys = {
  balance: (address: string, denom: string) => `bank/balances/${address}/${denom}`,
  balances: (address: string) => `bank/balances/${address}/`,
  allBalances: "bank/balances/",
  supply: (denom: string) => `bank/supply/${denom}`,
  supplies: "bank/supply/",
  sendEnabled: (denom: string) => `bank/send_enabled/${denom}`,
  metadata: (denom: string) => `bank/denom_metadata/${denom}`,
  metadatas: "bank/denom_metadata/",
  params: "bank/params",
} as const;

export function getBalance(store: KVStore, address: string, denom: string): bigint {
  return BigInt(store.get<string>(bankKeys.balance(address, denom)) ?? "0");
}

export function getBalances(store: KVStore, address: string): Coin[] {
  const prefix = bankKeys.balances(address);
  return store.entries<string>(prefix).map(([key, amount]) => ({ denom: key.slice(prefix.length), amount }));
}

function setBalance(store: KVStore, address: string, denom: string, amount: bigint): void {
  if (amount === 0n) store.delete(bankKeys.balance(address, denom));
  else store.set(bankKeys.balance(address, denom), amount.toString());
}

function addSupply(store: KVStore, denom: string, delta: bigint): void {
  const next = BigInt(store.get<string>(bankKeys.supply(denom)) ?? "0") + delta;
  if (next === 0n) store.delete(bankKeys.supply(denom));
  else store.set(bankKeys.supply(denom), next.toString());
}

/** Debit with x/bank's subUnlockedCoins check and message. */
function subCoins(store: KVStore, address: string, coins: Coin[]): void {
  getAccount(store, address); // locked (vesting) coins come from the account, as in x/bank subUnlockedCoins
  for (const coin of coins) {
    const balance = getBalance(store, address, coin.denom);
    const amount = BigInt(coin.amount);
    if (balance < amount) {
      throw sdkErrors.insufficientFunds.wrap(`spendable balance ${balance}${coin.denom} is smaller than ${amount}${coin.denom}`);
    }
    setBalance(store, address, coin.denom, balance - amount);
  }
}

function addCoins(store: KVStore, address: string, coins: Coin[]): void {
  for (const coin of coins) setBalance(store, address, coin.denom, getBalance(store, address, coin.denom) + BigInt(coin.amount));
}

/** The bank's two-attribute events: coin_spent{spender, amount}, coin_received{receiver, amount}, ... */
function coinEvent(events: Events, type: string, role: string, address: string, amount: Coin[]): void {
  events.emit(type, [
    { key: role, value: address },
    { key: "amount", value: formatCoins(amount) },
  ]);
}

/** x/bank SendCoins (no send-enabled check: that belongs to MsgSend), creating the recipient account. */
export function sendCoins(store: KVStore, events: Events, from: string, to: string, coins: Coin[]): void {
  const amount = normalizeCoins(coins);
  subCoins(store, from, amount);
  coinEvent(events, "coin_spent", "spender", from, amount);
  ensureAccount(store, to);
  addCoins(store, to, amount);
  coinEvent(events, "coin_received", "receiver", to, amount);
  events.emit("transfer", [
    { key: "recipient", value: to },
    { key: "sender", value: from },
    { key: "amount", value: formatCoins(amount) },
  ]);
  events.emit("message", [{ key: "sender", value: from }]);
}

export function mintCoins(store: KVStore, events: Events, module: string, coins: Coin[]): void {
  const amount = normalizeCoins(coins);
  const address = ensureModuleAccount(store, module).address;
  addCoins(store, address, amount);
  for (const c of amount) addSupply(store, c.denom, BigInt(c.amount));
  coinEvent(events, "coin_received", "receiver", address, amount);
  coinEvent(events, "coinbase", "minter", address, amount);
}

export function burnCoins(store: KVStore, events: Events, module: string, coins: Coin[]): void {
  const amount = normalizeCoins(coins);
  const address = ensureModuleAccount(store, module).address;
  subCoins(store, address, amount);
  for (const c of amount) addSupply(store, c.denom, -BigInt(c.amount));
  coinEvent(events, "coin_spent", "spender", address, amount);
  coinEvent(events, "burn", "burner", address, amount);
}

/** Whether MsgSend may move this denom (x/bank SendEnabled; default true). */
export function isSendEnabled(store: KVStore, denom: string): boolean {
  const defaultSendEnabled = store.get<{ defaultSendEnabled: boolean }>(bankKeys.params)?.defaultSendEnabled ?? true;
  return store.get<boolean>(bankKeys.sendEnabled(denom)) ?? defaultSendEnabled;
}

/** The Bank view modules get through Context. */
export function bankView(store: KVStore, events: Events): Bank {
  return {
    balance: (address, denom) => getBalance(store, address, denom),
    balances: (address) => getBalances(store, address),
    send: (from, to, coins) => sendCoins(store, events, from, to, coins),
    moduleAddress: (module) => moduleAddress(module),
    mint: (module, coins) => mintCoins(store, events, module, coins),
    burn: (module, coins) => burnCoins(store, events, module, coins),
  };
}
