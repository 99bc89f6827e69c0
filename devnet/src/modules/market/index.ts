import { z } from "zod";
import { coinSchema, parseGenesis } from "../market-common/genesis";
import type { Module } from "../../chain/types";
import { createEscrowHooks } from "./hooks";
import { DEFAULT_MARKET_PARAMS, MarketKeeper, type MarketParams } from "./keeper";
import { closeBidHandler, closeLeaseHandler, createBidHandler, createLeaseHandler, withdrawLeaseHandler } from "./msgs";
import { marketQueries } from "./queries";

/** akash.market.v1beta5: orders, bids and leases; also hosts the escrow hooks, as the node's x/market does. */
const genesisSchema = z.object({
  params: z
    .object({
      bidMinDeposit: coinSchema.optional(),
      bid_min_deposit: coinSchema.optional(),
      orderMaxBids: z.number().int().positive().optional(),
      order_max_bids: z.number().int().positive().optional(),
      bidMinDeposits: z.array(coinSchema).optional(),
      bid_min_deposits: z.array(coinSchema).optional(),
    })
    .optional(),
});
const EXAMPLE = `{ params: { bid_min_deposits: [{ denom: "uact", amount: "500000" }], order_max_bids: 20 } }`;

export function createModule(): Module {
  const market = new MarketKeeper();
  const keeper = Object.assign(market, { hooks: createEscrowHooks(market) });
  return {
    name: "market",
    keeper,
    msgs: [createBidHandler(market), closeBidHandler(market), createLeaseHandler(market), closeLeaseHandler(market), withdrawLeaseHandler(market)],
    queries: marketQueries(market),
    aminoTypes: Object.fromEntries(
      ["MsgCreateBid", "MsgCloseBid", "MsgCreateLease", "MsgCloseLease", "MsgWithdrawLease"].map((m) => [`/akash.market.v1beta5.${m}`, `akash-sdk/x/market/${m}`]),
    ),
    initGenesis(ctx, genesis) {
      const p = parseGenesis("market", genesisSchema, genesis, EXAMPLE).params ?? {};
      const params: MarketParams = {
        bidMinDeposit: p.bidMinDeposit ?? p.bid_min_deposit ?? DEFAULT_MARKET_PARAMS.bidMinDeposit,
        orderMaxBids: p.orderMaxBids ?? p.order_max_bids ?? DEFAULT_MARKET_PARAMS.orderMaxBids,
        bidMinDeposits: p.bidMinDeposits ?? p.bid_min_deposits ?? DEFAULT_MARKET_PARAMS.bidMinDeposits,
      };
      market.setParams(ctx, params);
    },
  };
}

export { MarketKeeper } from "./keeper";
