/** BME ledger records and their store keys (node x/bme/keeper/codec.go orders them the same way). */
import type { Coin } from "../../chain/types";
import { addressKey } from "../registry-kit/address";

export interface LedgerRecordId {
  denom: string;
  toDenom: string;
  source: string;
  height: number;
  sequence: number;
}

export interface PendingRecord {
  id: LedgerRecordId;
  owner: string;
  to: string;
  coinsToBurn: Coin;
  denomToMint: string;
  attempts: number;
}

export interface CoinPrice {
  coin: Coin;
  /** LegacyDec string. */
  price: string;
}

export interface ExecutedRecord {
  id: LedgerRecordId;
  burnedFrom: string;
  mintedTo: string;
  burner: string;
  minter: string;
  burned?: CoinPrice;
  minted?: CoinPrice;
  spread: Coin;
  remintCreditIssued?: CoinPrice;
  remintCreditAccrued?: CoinPrice;
}

/** v2.1 `LedgerCanceledRecord.BMCancelReason`. */
export enum CancelReason {
  unknown = 0,
  epsilon = 1,
  zero_price = 2,
  insufficient_funds = 3,
  invalid_denom = 4,
  invalid_amount = 5,
  minimum_mint = 6,
  mint_failed = 7,
  burn_failed = 8,
  max_attempts = 9,
}

export interface CanceledRecord {
  id: LedgerRecordId;
  owner: string;
  to: string;
  cancelReason: CancelReason;
  coinsToBurn: Coin;
  denomToMint: string;
}

/** v2.1 `LedgerRecordStatus` (alpha.25 codecs lack `canceled`). */
export enum LedgerStatus {
  pending = 1,
  executed = 2,
  canceled = 3,
}

export const ledgerPrefixes: Record<LedgerStatus, string> = {
  [LedgerStatus.pending]: "bme/ledger/pending/",
  [LedgerStatus.executed]: "bme/ledger/executed/",
  [LedgerStatus.canceled]: "bme/ledger/canceled/",
};

const pad = (n: number) => n.toString().padStart(20, "0");

/** Key of a record relative to its status prefix: route, source bytes, height, sequence. */
export function ledgerKey(id: LedgerRecordId): string {
  return `${id.denom}/${id.toDenom}/${addressKey(id.source)}/${pad(id.height)}/${pad(id.sequence)}`;
}

/** Proto-JSON of a LedgerRecordID, as typed events carry it. */
export function ledgerIdJson(id: LedgerRecordId): Record<string, string> {
  return { denom: id.denom, to_denom: id.toDenom, source: id.source, height: String(id.height), sequence: String(id.sequence) };
}
