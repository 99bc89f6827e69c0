/**
 * x/auth: genesis accounts and module accounts, and the cosmos.auth.v1beta1 queries cosmjs uses
 * (Account, AccountInfo) plus Accounts, ModuleAccounts, ModuleAccountByName, Params.
 */
import { fromBase64 } from "@cosmjs/encoding";
import { BaseAccount, ModuleAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import * as q from "cosmjs-types/cosmos/auth/v1beta1/query";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { z } from "zod";
import { isAccountAddress } from "../../chain/address";
import { grpcError } from "../../chain/errors";
import { defaultAuthParams } from "../../chain/gas";
import { paginate } from "../../chain/pagination";
import type { Context, Module, QueryHandler } from "../../chain/types";
import { authKeys, ensureAccount, ensureModuleAccount, getAccount, getAuthParams, type AccountRecord } from "./keeper";

/** Module accounts of an Akash node (app/app.go maccPerms), created at genesis so their numbers are stable. */
export const moduleAccountPermissions: Record<string, string[]> = {
  fee_collector: [],
  distribution: [],
  mint: ["minter"],
  bonded_tokens_pool: ["burner", "staking"],
  not_bonded_tokens_pool: ["burner", "staking"],
  gov: ["burner"],
  transfer: ["minter", "burner"],
  escrow: [],
  bme: ["minter", "burner"],
};

const paramsSchema = z.object({
  maxMemoCharacters: z.number().int().positive().default(defaultAuthParams.maxMemoCharacters),
  txSigLimit: z.number().int().positive().default(defaultAuthParams.txSigLimit),
  txSizeCostPerByte: z.number().int().nonnegative().default(defaultAuthParams.txSizeCostPerByte),
  sigVerifyCostEd25519: z.number().int().nonnegative().default(defaultAuthParams.sigVerifyCostEd25519),
  sigVerifyCostSecp256k1: z.number().int().nonnegative().default(defaultAuthParams.sigVerifyCostSecp256k1),
});

export const authGenesisSchema = z.object({
  /** accounts created at genesis, numbered in this order (after the module accounts) */
  accounts: z.array(z.string()).default([]),
  params: paramsSchema.default(defaultAuthParams),
});

function baseAccount(record: AccountRecord): BaseAccount {
  return BaseAccount.fromPartial({
    address: record.address,
    pubKey: record.pubKey === undefined ? undefined : { typeUrl: "/cosmos.crypto.secp256k1.PubKey", value: PubKey.encode({ key: fromBase64(record.pubKey) }).finish() },
    accountNumber: BigInt(record.accountNumber),
    sequence: BigInt(record.sequence),
  });
}

/** The account as the Account query packs it: BaseAccount, or ModuleAccount for module accounts. */
export function accountAny(record: AccountRecord): Any {
  if (record.name !== undefined) {
    return {
      typeUrl: ModuleAccount.typeUrl,
      value: ModuleAccount.encode(ModuleAccount.fromPartial({ baseAccount: baseAccount(record), name: record.name, permissions: record.permissions ?? [] })).finish(),
    };
  }
  return { typeUrl: BaseAccount.typeUrl, value: BaseAccount.encode(baseAccount(record)).finish() };
}

function requireAccount(ctx: Context, address: string): AccountRecord {
  if (address === "") throw grpcError("InvalidArgument", "Address cannot be empty");
  if (!isAccountAddress(address)) throw grpcError("InvalidArgument", `decoding bech32 failed: invalid address ${address}`);
  const record = getAccount(ctx.store, address);
  if (!record) throw grpcError("NotFound", `account ${address} not found`);
  return record;
}

const path = (method: string) => `/cosmos.auth.v1beta1.Query/${method}`;

const queries: QueryHandler<any, any>[] = [
  {
    path: path("Account"),
    request: q.QueryAccountRequest,
    response: q.QueryAccountResponse,
    rest: "GET /cosmos/auth/v1beta1/accounts/{address}",
    handle: (ctx, req: q.QueryAccountRequest) => ({ account: accountAny(requireAccount(ctx, req.address)) }),
  },
  {
    path: path("AccountInfo"),
    request: q.QueryAccountInfoRequest,
    response: q.QueryAccountInfoResponse,
    rest: "GET /cosmos/auth/v1beta1/account_info/{address}",
    handle: (ctx, req: q.QueryAccountInfoRequest) => ({ info: baseAccount(requireAccount(ctx, req.address)) }),
  },
  {
    path: path("Accounts"),
    request: q.QueryAccountsRequest,
    response: q.QueryAccountsResponse,
    rest: "GET /cosmos/auth/v1beta1/accounts",
    handle: (ctx, req: q.QueryAccountsRequest) => {
      const page = paginate<AccountRecord>(ctx.store, authKeys.accounts, req.pagination);
      return { accounts: page.items.map(accountAny), pagination: page.pagination };
    },
  },
  {
    path: path("ModuleAccounts"),
    request: q.QueryModuleAccountsRequest,
    response: q.QueryModuleAccountsResponse,
    rest: "GET /cosmos/auth/v1beta1/module_accounts",
    handle: (ctx) => ({
      accounts: ctx.store
        .entries<AccountRecord>(authKeys.accounts)
        .map(([, a]) => a)
        .filter((a) => a.name !== undefined)
        .sort((a, b) => (a.name! < b.name! ? -1 : 1))
        .map(accountAny),
    }),
  },
  {
    path: path("ModuleAccountByName"),
    request: q.QueryModuleAccountByNameRequest,
    response: q.QueryModuleAccountByNameResponse,
    rest: "GET /cosmos/auth/v1beta1/module_accounts/{name}",
    handle: (ctx, req: q.QueryModuleAccountByNameRequest) => {
      if (req.name === "") throw grpcError("InvalidArgument", "module name is empty");
      const record = ctx.store.entries<AccountRecord>(authKeys.accounts).find(([, a]) => a.name === req.name)?.[1];
      if (!record) throw grpcError("NotFound", `account ${req.name} not found`);
      return { account: accountAny(record) };
    },
  },
  {
    path: path("Params"),
    request: q.QueryParamsRequest,
    response: q.QueryParamsResponse,
    rest: "GET /cosmos/auth/v1beta1/params",
    handle: (ctx) => {
      const p = getAuthParams(ctx.store);
      return {
        params: {
          maxMemoCharacters: BigInt(p.maxMemoCharacters),
          txSigLimit: BigInt(p.txSigLimit),
          txSizeCostPerByte: BigInt(p.txSizeCostPerByte),
          sigVerifyCostEd25519: BigInt(p.sigVerifyCostEd25519),
          sigVerifyCostSecp256k1: BigInt(p.sigVerifyCostSecp256k1),
        },
      };
    },
  },
];

export function createModule(): Module {
  return {
    name: "auth",
    msgs: [],
    queries,
    initGenesis(ctx, genesis) {
      const { accounts, params } = authGenesisSchema.parse(genesis);
      ctx.store.set(authKeys.params, params);
      for (const [name, permissions] of Object.entries(moduleAccountPermissions)) ensureModuleAccount(ctx.store, name, permissions);
      for (const address of accounts) ensureAccount(ctx.store, address);
    },
  };
}
