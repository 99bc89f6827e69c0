// The BME module (akash.bme.v1) as the Wallet needs it: mint terms (spread, minimum, AKT price), MsgMintACT,
// and waiting for a mint's ledger record to execute at a mint epoch.
import type { EncodeObject } from "@cosmjs/proto-signing";
import {
  MsgMintACT,
  MsgMintACTResponse,
  QueryAggregatedPriceRequest,
  QueryAggregatedPriceResponse,
  QueryLedgerRecordsRequest,
  QueryLedgerRecordsResponse,
  QueryParamsRequest,
  QueryParamsResponse,
  QueryStatusRequest,
  QueryStatusResponse,
  type LedgerRecord,
  type QueryLedgerRecordEntry,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { ChainConnection } from "../../chain/connection";
import { DEC_PRECISION, formatDec, parseDec } from "../../chain/decimal";
import { allPages, PAGE_LIMIT } from "../../chain/pagination";
import { typeUrlOf } from "../../chain/registry";
import type { TxResult } from "../../chain/txQueue";
import type { MintTerms } from "./mint-plan";

const SCALE = 10n ** BigInt(DEC_PRECISION);

/**
 * The chain's default minimum mint (chain-sdk go/node/bme/v1 DefaultMinMint = 10 ACT). The npm codecs
 * (alpha.25) predate the min_mint param, so it cannot be read from Query/Params.
 */
export const MIN_MINT_UACT = 10_000_000n;

export function msgMintAct(owner: string, burnUakt: bigint): EncodeObject {
  return {
    typeUrl: typeUrlOf(MsgMintACT),
    value: MsgMintACT.fromPartial({ owner, to: owner, coinsToBurn: { denom: "uakt", amount: burnUakt.toString() } }),
  };
}

/** The ledger record a MsgMintACT created ("<height>/<sequence>"), from its tx response. */
export function mintRecordKey(result: TxResult): string {
  const response = result.msgResponses.find((r) => r.typeUrl === typeUrlOf(MsgMintACTResponse));
  if (!response) throw new Error(`tx ${result.txHash} has no MsgMintACT response`);
  return recordKey(MsgMintACTResponse.decode(response.value).id);
}

function recordKey(id: { height: { toString(): string }; sequence: { toString(): string } } | undefined): string {
  return id ? `${id.height.toString()}/${id.sequence.toString()}` : "";
}

/** Refuses early when the circuit breaker halts mints (the chain would reject the message). */
export async function assertMintsAllowed(conn: ChainConnection): Promise<void> {
  const status = await conn.query("/akash.bme.v1.Query/Status", QueryStatusRequest, {}, QueryStatusResponse);
  if (!status.mintsAllowed) {
    throw new Error(
      `akash.Wallet: the chain's BME halts ACT mints now (circuit breaker, collateral ratio ${status.collateralRatio}); try again later`,
    );
  }
}

export interface PricedTerms extends MintTerms {
  /** Where the AKT price came from, for the log. */
  priceSource: string;
}

/** Spread and minimum from Query/Params; the AKT price from the oracle, the latest executed mint, or `fallbackUsd`. */
export async function mintTerms(conn: ChainConnection, fallbackUsd: number | undefined): Promise<PricedTerms> {
  const res = await conn.query("/akash.bme.v1.Query/Params", QueryParamsRequest, {}, QueryParamsResponse);
  if (!res.params) throw new Error("BME params missing from the chain's answer");
  const price = (await oraclePrice(conn)) ?? (await lastMintPrice(conn)) ?? fallbackPrice(fallbackUsd);
  if (!price) {
    throw new Error(
      "akash.Wallet: the chain publishes no AKT price (no oracle price and no executed mint yet). Fix: set aktPriceUsd (USD per AKT) on the Wallet",
    );
  }
  return { aktPriceInAct: price.value, priceSource: price.source, mintSpreadBps: res.params.mintSpreadBps, minMintUact: MIN_MINT_UACT };
}

type Price = { value: string; source: string };

async function oraclePrice(conn: ChainConnection): Promise<Price | undefined> {
  try {
    const res = await conn.query("/akash.oracle.v1.Query/AggregatedPrice", QueryAggregatedPriceRequest, { denom: "uakt" }, QueryAggregatedPriceResponse);
    const twap = res.aggregatedPrice?.twap;
    if (!res.priceHealth?.isHealthy || !twap || parseDec(twap) <= 0n) return undefined;
    return { value: twap, source: "oracle TWAP" };
  } catch {
    return undefined; // no oracle module (devnet) or an unhealthy feed: try the next source
  }
}

/** ACT per AKT at the most recent executed AKT->ACT mint (the prices the BME itself used). */
async function lastMintPrice(conn: ChainConnection): Promise<Price | undefined> {
  const res = await conn.query(
    "/akash.bme.v1.Query/LedgerRecords",
    QueryLedgerRecordsRequest,
    { filters: { source: "", denom: "uakt", toDenom: "uact", status: "ledger_record_status_executed" }, pagination: { limit: 1, reverse: true } },
    QueryLedgerRecordsResponse,
  );
  const record = res.records[0]?.executedRecord;
  const akt = [record?.remintCreditAccrued, record?.burned].find((p) => p?.coin?.denom === "uakt")?.price;
  const act = record?.minted?.price;
  if (!akt || !act || parseDec(act) <= 0n) return undefined;
  return { value: formatDec((parseDec(akt) * SCALE) / parseDec(act)), source: `the BME's last executed mint (height ${res.records[0]!.id?.height.toString()})` };
}

function fallbackPrice(usd: number | undefined): Price | undefined {
  return usd === undefined ? undefined : { value: String(usd), source: "aktPriceUsd (the chain publishes no price)" };
}

export type MintOutcome = { status: "executed"; mintedUact: bigint } | { status: "canceled" } | { status: "pending" };

function ledgerEntries(conn: ChainConnection, owner: string, status: string): Promise<QueryLedgerRecordEntry[]> {
  return allPages(async (key) => {
    const res = await conn.query(
      "/akash.bme.v1.Query/LedgerRecords",
      QueryLedgerRecordsRequest,
      { filters: { source: owner, denom: "uakt", toDenom: "uact", status }, pagination: { key: key ?? new Uint8Array(), limit: PAGE_LIMIT } },
      QueryLedgerRecordsResponse,
    );
    return { items: res.records, nextKey: res.pagination?.nextKey };
  });
}

/** Polls the ledger until the record leaves the pending list (executed, or canceled and refunded) or time runs out. */
export async function waitForMint(
  conn: ChainConnection,
  owner: string,
  key: string,
  opts: { timeoutMs: number; pollMs: number },
): Promise<MintOutcome> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const pending = await ledgerEntries(conn, owner, "ledger_record_status_pending");
    if (!pending.some((e) => recordKey(e.id) === key)) break;
    if (Date.now() >= deadline) return { status: "pending" };
    await new Promise((resolve) => setTimeout(resolve, opts.pollMs));
  }
  const executed = (await ledgerEntries(conn, owner, "ledger_record_status_executed")).find((e) => recordKey(e.id) === key);
  if (!executed?.executedRecord) return { status: "canceled" };
  return { status: "executed", mintedUact: mintedAmount(executed.executedRecord) };
}

function mintedAmount(record: LedgerRecord): bigint {
  return BigInt(record.minted?.coin?.amount ?? "0");
}
