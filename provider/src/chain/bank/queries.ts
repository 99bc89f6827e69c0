/** Bank balances (cosmos.bank.v1beta1.Query/AllBalances). */
import { QueryAllBalancesRequest, QueryAllBalancesResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import type { Coin } from "@cosmjs/stargate";
import type { ChainConnection } from "../connection";
import { allPages, PAGE_LIMIT } from "../pagination";

export function queryBalances(conn: ChainConnection, address: string): Promise<Coin[]> {
  return allPages(async (key) => {
    const res = await conn.query(
      "/cosmos.bank.v1beta1.Query/AllBalances",
      QueryAllBalancesRequest,
      { address, pagination: { key: key ?? new Uint8Array(), limit: BigInt(PAGE_LIMIT) } },
      QueryAllBalancesResponse,
    );
    return { items: res.balances, nextKey: res.pagination?.nextKey };
  });
}

/** The balance of one denom ("0" when absent). */
export async function queryBalance(conn: ChainConnection, address: string, denom: string): Promise<string> {
  const coins = await queryBalances(conn, address);
  return coins.find((c) => c.denom === denom)?.amount ?? "0";
}
