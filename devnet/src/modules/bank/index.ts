/**
 * x/bank: MsgSend (with send-enabled and blocked-address checks as the 0.53 msg server), genesis
 * balances, send-enabled flags (uact is not transferable) and denom metadata, and the balance/supply queries.
 */
import type { Metadata } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import * as q from "cosmjs-types/cosmos/bank/v1beta1/query";
import { MsgSend, MsgSendResponse } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { z } from "zod";
import { assertAddress, isAccountAddress, moduleAddress } from "../../chain/address";
import { normalizeCoins, validateCoins } from "../../chain/coins";
import { ChainError } from "../../chain/types";
import { grpcError, sdkErrors } from "../../chain/errors";
import { paginate, paginateEntries } from "../../chain/pagination";
import type { Coin, Context, Module, MsgHandler, QueryHandler } from "../../chain/types";
import { moduleAccountPermissions } from "../auth";
import { ensureAccount } from "../auth/keeper";
import { bankKeys, getBalance, isSendEnabled, mintCoins, sendCoins } from "./keeper";

export const bankErrors = {
  sendDisabled: new ChainError("bank", 5, "send transactions are disabled"),
};

const coinSchema = z.object({ denom: z.string(), amount: z.string().regex(/^\d+$/) });

export const bankGenesisSchema = z.object({
  balances: z.array(z.object({ address: z.string(), coins: z.array(coinSchema) })).default([]),
  sendEnabled: z.array(z.object({ denom: z.string(), enabled: z.boolean() })).default([]),
  denomMetadata: z.array(z.any()).default([]),
});

/** AKT and ACT metadata as set on mainnet (ACT by the v2.0.0 upgrade). */
export const defaultDenomMetadata: Array<Partial<Metadata>> = [
  {
    description: "The native staking token of Akash Network.",
    denomUnits: [
      { denom: "uakt", exponent: 0, aliases: ["microakt"] },
      { denom: "makt", exponent: 3, aliases: ["milliakt"] },
      { denom: "akt", exponent: 6, aliases: [] },
    ],
    base: "uakt",
    display: "akt",
    name: "Akash Network",
    symbol: "AKT",
  },
  {
    description: "Akash Compute Token",
    denomUnits: [
      { denom: "uact", exponent: 0, aliases: ["microact"] },
      { denom: "mact", exponent: 3, aliases: ["milliact"] },
      { denom: "act", exponent: 6, aliases: [] },
    ],
    base: "uact",
    display: "act",
    name: "Akash Compute Token",
    symbol: "ACT",
  },
];

/** x/bank blocks sends to module accounts (except those the app allows, none for user sends here). */
const blockedAddresses = new Set(Object.keys(moduleAccountPermissions).map(moduleAddress));

const send: MsgHandler<MsgSend> = {
  typeUrl: MsgSend.typeUrl,
  codec: MsgSend,
  response: MsgSendResponse,
  signers: (msg) => [msg.fromAddress],
  handle(ctx, msg) {
    assertAddress(msg.fromAddress, "from");
    assertAddress(msg.toAddress, "to");
    const amount = msg.amount;
    validateCoins(amount);
    for (const coin of amount) {
      if (!isSendEnabled(ctx.store, coin.denom)) throw bankErrors.sendDisabled.wrap(`${coin.denom} transfers are currently disabled`);
    }
    if (blockedAddresses.has(msg.toAddress)) throw sdkErrors.unauthorized.wrap(`${msg.toAddress} is not allowed to receive funds`);
    sendCoins(ctx.store, ctx.events, msg.fromAddress, msg.toAddress, amount);
    return {};
  },
};

function queryAddress(address: string): void {
  if (address === "") throw grpcError("InvalidArgument", "empty address string is not allowed");
  if (!isAccountAddress(address)) throw grpcError("InvalidArgument", `invalid address: decoding bech32 failed: ${address}`);
}

function queryDenom(denom: string): void {
  if (!/^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/.test(denom)) throw grpcError("InvalidArgument", `invalid denom: ${denom}`);
}

/** One denom's balance (no vesting here, so spendable = balance). */
function balanceOf(ctx: Context, req: { address: string; denom: string }) {
  queryAddress(req.address);
  queryDenom(req.denom);
  return { balance: { denom: req.denom, amount: getBalance(ctx.store, req.address, req.denom).toString() } };
}

function balancePage(ctx: Context, req: { address: string; pagination?: q.QueryAllBalancesRequest["pagination"] }) {
  queryAddress(req.address);
  const prefix = bankKeys.balances(req.address);
  const page = paginate<string>(ctx.store, prefix, req.pagination);
  return { balances: page.keys.map((key, i) => ({ denom: key.slice(prefix.length), amount: page.items[i] })), pagination: page.pagination };
}

const path = (method: string) => `/cosmos.bank.v1beta1.Query/${method}`;

function metadata(ctx: Context, denom: string): Metadata | undefined {
  return ctx.store.get<Metadata>(bankKeys.metadata(denom));
}

const queries: QueryHandler<any, any>[] = [
  {
    path: path("Balance"),
    request: q.QueryBalanceRequest,
    response: q.QueryBalanceResponse,
    rest: "GET /cosmos/bank/v1beta1/balances/{address}/by_denom",
    handle: balanceOf,
  },
  {
    path: path("AllBalances"),
    request: q.QueryAllBalancesRequest,
    response: q.QueryAllBalancesResponse,
    rest: "GET /cosmos/bank/v1beta1/balances/{address}",
    handle: balancePage,
  },
  {
    path: path("SpendableBalances"),
    request: q.QuerySpendableBalancesRequest,
    response: q.QuerySpendableBalancesResponse,
    rest: "GET /cosmos/bank/v1beta1/spendable_balances/{address}",
    handle: balancePage,
  },
  {
    path: path("SpendableBalanceByDenom"),
    request: q.QuerySpendableBalanceByDenomRequest,
    response: q.QuerySpendableBalanceByDenomResponse,
    rest: "GET /cosmos/bank/v1beta1/spendable_balances/{address}/by_denom",
    handle: balanceOf,
  },
  {
    path: path("TotalSupply"),
    request: q.QueryTotalSupplyRequest,
    response: q.QueryTotalSupplyResponse,
    rest: "GET /cosmos/bank/v1beta1/supply",
    handle: (ctx, req: q.QueryTotalSupplyRequest) => {
      const page = paginate<string>(ctx.store, bankKeys.supplies, req.pagination);
      return { supply: page.keys.map((key, i) => ({ denom: key.slice(bankKeys.supplies.length), amount: page.items[i] })), pagination: page.pagination };
    },
  },
  {
    path: path("SupplyOf"),
    request: q.QuerySupplyOfRequest,
    response: q.QuerySupplyOfResponse,
    rest: "GET /cosmos/bank/v1beta1/supply/by_denom",
    handle: (ctx, req: q.QuerySupplyOfRequest) => {
      queryDenom(req.denom);
      return { amount: { denom: req.denom, amount: ctx.store.get<string>(bankKeys.supply(req.denom)) ?? "0" } };
    },
  },
  {
    path: path("Params"),
    request: q.QueryParamsRequest,
    response: q.QueryParamsResponse,
    rest: "GET /cosmos/bank/v1beta1/params",
    handle: (ctx) => ({ params: { sendEnabled: [], defaultSendEnabled: ctx.store.get<{ defaultSendEnabled: boolean }>(bankKeys.params)?.defaultSendEnabled ?? true } }),
  },
  {
    path: path("SendEnabled"),
    request: q.QuerySendEnabledRequest,
    response: q.QuerySendEnabledResponse,
    rest: "GET /cosmos/bank/v1beta1/send_enabled",
    handle: (ctx, req: q.QuerySendEnabledRequest) => {
      const prefix = "bank/send_enabled/";
      const all = ctx.store.entries<boolean>(prefix).map(([k, enabled]) => ({ denom: k.slice(prefix.length), enabled }));
      const wanted = req.denoms.length > 0 ? all.filter((s) => req.denoms.includes(s.denom)) : all;
      return { sendEnabled: wanted };
    },
  },
  {
    path: path("DenomMetadata"),
    request: q.QueryDenomMetadataRequest,
    response: q.QueryDenomMetadataResponse,
    rest: "GET /cosmos/bank/v1beta1/denoms_metadata/{denom}",
    handle: (ctx, req: q.QueryDenomMetadataRequest) => {
      queryDenom(req.denom);
      const found = metadata(ctx, req.denom);
      if (!found) throw grpcError("NotFound", `client metadata for denom ${req.denom}`);
      return { metadata: found };
    },
  },
  {
    path: path("DenomsMetadata"),
    request: q.QueryDenomsMetadataRequest,
    response: q.QueryDenomsMetadataResponse,
    rest: "GET /cosmos/bank/v1beta1/denoms_metadata",
    handle: (ctx, req: q.QueryDenomsMetadataRequest) => {
      const page = paginateEntries(bankKeys.metadatas, ctx.store.entries<Metadata>(bankKeys.metadatas), req.pagination);
      return { metadatas: page.items, pagination: page.pagination };
    },
  },
];

export function createModule(): Module {
  return {
    name: "bank",
    msgs: [send],
    queries,
    aminoTypes: { [MsgSend.typeUrl]: "cosmos-sdk/MsgSend" },
    initGenesis(ctx, genesis) {
      const parsed = bankGenesisSchema.parse(genesis);
      for (const { address, coins } of parsed.balances) {
        const amount = normalizeCoins(coins as Coin[]);
        if (amount.length === 0) continue;
        // Genesis supply is minted into the accounts, like bank InitGenesis + the supply invariant.
        mintCoins(ctx.store, ctx.events, "mint", amount);
        ensureAccount(ctx.store, address);
        sendCoins(ctx.store, ctx.events, moduleAddress("mint"), address, amount);
      }
      ctx.store.set(bankKeys.params, { defaultSendEnabled: true });
      for (const { denom, enabled } of [{ denom: "uact", enabled: false }, ...parsed.sendEnabled]) {
        ctx.store.set(bankKeys.sendEnabled(denom), enabled);
      }
      for (const meta of [...defaultDenomMetadata, ...parsed.denomMetadata]) {
        ctx.store.set(bankKeys.metadata((meta as Metadata).base), meta);
      }
    },
  };
}
