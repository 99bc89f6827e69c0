/**
 * bme v1 queries (node x/bme/keeper/grpc_query.go). The npm chain-sdk (alpha.25) codecs predate v2.1:
 * Params are served through params-codec.ts (adds min_mint/max_pending_attempts); executed records lack
 * `spread` (v2.1 moved later fields, so adding it would break alpha.25 clients) and canceled records
 * (status 3) are listed without their body; the chain state keeps all of it.
 */
import {
  LedgerRecordStatus,
  QueryLedgerRecordsRequest,
  QueryLedgerRecordsResponse,
  QueryParamsRequest,
  QueryStatusRequest,
  QueryStatusResponse,
  QueryVaultStateRequest,
  QueryVaultStateResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { QueryHandler } from "../../chain/types";
import { GrpcStatusError } from "../registry-kit/errors";
import { defaultPageLimit, paginateEntries } from "../../chain/pagination";
import { grpcQueries } from "../registry-kit/query";
import { decFromInt, decQuo, decToString } from "./dec";
import { bmeModule, MintStatus, uact, type BmeKeeper } from "./keeper";
import { QueryParamsResponseV21, type ParamsResponse } from "./params-codec";
import { LedgerStatus, type CanceledRecord, type ExecutedRecord, type LedgerRecordId, type PendingRecord } from "./ledger";

const statusNames: Record<string, LedgerStatus> = {
  ledger_record_status_pending: LedgerStatus.pending,
  ledger_record_status_executed: LedgerStatus.executed,
  ledger_record_status_canceled: LedgerStatus.canceled,
};
const allStatuses = [LedgerStatus.pending, LedgerStatus.executed, LedgerStatus.canceled];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

type AnyRecord = (PendingRecord | ExecutedRecord | CanceledRecord) & { id: LedgerRecordId };

function idProto(id: LedgerRecordId) {
  return { ...id, height: BigInt(id.height), sequence: BigInt(id.sequence) };
}

function entryProto(status: LedgerStatus, record: AnyRecord) {
  const base = { id: idProto(record.id), status: status as unknown as LedgerRecordStatus };
  if (status === LedgerStatus.pending) {
    const r = record as PendingRecord;
    return { ...base, pendingRecord: { owner: r.owner, to: r.to, coinsToBurn: r.coinsToBurn, denomToMint: r.denomToMint } };
  }
  if (status === LedgerStatus.executed) {
    const { id: _id, spread: _spread, ...executed } = record as ExecutedRecord;
    return { ...base, executedRecord: executed };
  }
  return base;
}

export function bmeQueries(keeper: BmeKeeper): QueryHandler<any, any>[] {
  const params: QueryHandler<QueryParamsRequest, ParamsResponse> = {
    path: "/akash.bme.v1.Query/Params",
    rest: "GET /akash/bme/v1/params",
    request: QueryParamsRequest,
    response: QueryParamsResponseV21,
    handle: (ctx) => ({ params: keeper.params(ctx) }),
  };
  const status: QueryHandler<QueryStatusRequest, QueryStatusResponse> = {
    path: "/akash.bme.v1.Query/Status",
    rest: "GET /akash/bme/v1/status",
    request: QueryStatusRequest,
    response: QueryStatusResponse,
    handle(ctx) {
      const p = keeper.params(ctx);
      const current = keeper.status(ctx).status;
      const threshold = (bps: number) => decToString(decQuo(decFromInt(BigInt(bps)), decFromInt(10000n)));
      return QueryStatusResponse.fromPartial({
        status: current as number,
        collateralRatio: decToString(keeper.collateralRatio(ctx)),
        warnThreshold: threshold(p.circuitBreakerWarnThreshold),
        haltThreshold: threshold(p.circuitBreakerHaltThreshold),
        mintsAllowed: current < MintStatus.haltCr,
        refundsAllowed: current < MintStatus.haltOracle,
      });
    },
  };
  const vault: QueryHandler<QueryVaultStateRequest, QueryVaultStateResponse> = {
    path: "/akash.bme.v1.Query/VaultState",
    rest: "GET /akash/bme/v1/vault",
    request: QueryVaultStateRequest,
    response: QueryVaultStateResponse,
    handle(ctx) {
      const address = ctx.bank.moduleAddress(bmeModule);
      // Like the node: the vault's own balances plus the ACT held outside it.
      const outside = keeper.outstandingAct(ctx) - ctx.bank.balance(address, uact);
      const balances = ctx.bank.balances(address).filter((c) => c.denom !== uact);
      const actHeld = ctx.bank.balance(address, uact) + (outside > 0n ? outside : 0n);
      if (actHeld > 0n) balances.push({ denom: uact, amount: actHeld.toString() });
      balances.sort((a, b) => (a.denom < b.denom ? -1 : 1));
      const totals = keeper.totals(ctx);
      return QueryVaultStateResponse.fromPartial({
        vaultState: { balances, totalBurned: totals.burned, totalMinted: totals.minted, remintCredits: totals.remintCredits },
      });
    },
  };
  const ledger: QueryHandler<QueryLedgerRecordsRequest, QueryLedgerRecordsResponse> = {
    path: "/akash.bme.v1.Query/LedgerRecords",
    rest: "GET /akash/bme/v1/ledger",
    request: QueryLedgerRecordsRequest,
    response: QueryLedgerRecordsResponse,
    handle(ctx, req) {
      const filters = req.filters ?? { source: "", denom: "", toDenom: "", status: "" };
      const offset = BigInt(req.pagination?.offset?.toString() ?? "0");
      if (offset > 0n && filters.status === "") {
        throw new GrpcStatusError("InvalidArgument", "invalid request parameters. if offset is set, filter.status must be provided");
      }
      let limit = Number(req.pagination?.limit?.toString() ?? "0") || defaultPageLimit;
      let walk: LedgerStatus[];
      let resume: string | undefined;
      if (req.pagination?.key && req.pagination.key.length > 0) {
        const text = decoder.decode(req.pagination.key);
        const bar = text.indexOf("|");
        walk = text.slice(0, bar).split(",").map(Number).filter((s) => allStatuses.includes(s));
        if (bar < 0 || walk.length === 0) throw new GrpcStatusError("InvalidArgument", "invalid pagination key");
        resume = text.slice(bar + 1);
      } else if (filters.status !== "") {
        const wanted = statusNames[filters.status];
        if (wanted === undefined) throw new GrpcStatusError("InvalidArgument", "invalid status filter value");
        walk = [wanted];
      } else walk = [...allStatuses];
      // Walking backwards also reverses the order of the statuses (when not resuming).
      if (req.pagination?.reverse && !resume) walk.reverse();
      const accept = (r: AnyRecord) =>
        (filters.denom === "" || filters.denom === r.id.denom) &&
        (filters.toDenom === "" || filters.toDenom === r.id.toDenom) &&
        (filters.source === "" || filters.source === r.id.source);
      const records: ReturnType<typeof entryProto>[] = [];
      let nextKey: Uint8Array = new Uint8Array();
      for (const [idx, state] of walk.entries()) {
        const page = paginateEntries(
          "",
          keeper.records<AnyRecord>(ctx, state),
          { key: idx === 0 && resume ? encoder.encode(resume) : undefined, offset: resume ? 0n : offset, limit, reverse: req.pagination?.reverse },
          accept,
        );
        records.push(...page.items.map((record) => entryProto(state, record)));
        limit -= page.items.length;
        if (limit === 0) {
          // Unlike Certificates, the node looks into the following statuses for the record to resume at.
          const resumeAt = (j: number, key: string) => encoder.encode(`${walk.slice(j).join(",")}|${key}`);
          if (page.pagination.nextKey.length > 0) nextKey = resumeAt(idx, decoder.decode(page.pagination.nextKey));
          else {
            for (let j = idx + 1; j < walk.length && nextKey.length === 0; j++) {
              const candidates = keeper.records<AnyRecord>(ctx, walk[j]!);
              const next = (req.pagination?.reverse ? candidates.reverse() : candidates).find(([, record]) => accept(record));
              if (next) nextKey = resumeAt(j, next[0]);
            }
          }
          break;
        }
      }
      return QueryLedgerRecordsResponse.fromPartial({ records, pagination: { nextKey, total: BigInt(records.length) } });
    },
  };
  return grpcQueries(params, status, vault, ledger);
}
