import {
  QueryAccountsRequest,
  QueryAccountsResponse,
  QueryPaymentsRequest,
  QueryPaymentsResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { Context, QueryHandler } from "../../chain/types";
import { invalidArgument } from "../market-common/errors";
import { paginate } from "../market-common/pagination";
import { accountToProto, paymentToProto } from "./convert";
import { ACCOUNT_PREFIX, ESCROW_STATES, PAYMENT_PREFIX, stateSearchPrefix } from "./keeper";
import { type EscrowState, type Scope, type StoredAccount, type StoredPayment, loadAccount, loadPayment } from "./types";

/**
 * akash.escrow.v1.Query: Accounts and Payments walk the state-keyed store; `xid` is a raw key prefix after the
 * state, so it must start with the scope ("deployment/akash1…/123") and "…/1" also matches "…/10".
 */
function states(state: string): EscrowState[] {
  if (state === "") return ESCROW_STATES;
  if (!ESCROW_STATES.includes(state as EscrowState)) throw invalidArgument("invalid state value");
  return [state as EscrowState];
}

/** One page of [id path after the state, stored value] for the requested states and xid prefix. */
function listed<S>(ctx: Context, base: string, req: { state: string; xid: string; pagination?: Parameters<typeof paginate>[1] }) {
  const entries = states(req.state).flatMap((s) =>
    ctx.store.entries<S>(stateSearchPrefix(base, s, req.xid)).map(([key, stored]): [string, [string, S]] => [key, [key.slice(base.length + 2), stored]]),
  );
  return paginate(entries, req.pagination);
}

export function accountsQuery(): QueryHandler<QueryAccountsRequest, QueryAccountsResponse> {
  return {
    path: "/akash.escrow.v1.Query/Accounts",
    request: QueryAccountsRequest,
    response: QueryAccountsResponse,
    rest: "GET /akash/escrow/v1/types/accounts",
    handle(ctx: Context, req) {
      const page = listed<StoredAccount>(ctx, ACCOUNT_PREFIX, req);
      return QueryAccountsResponse.fromPartial({
        accounts: page.items.map(([path, stored]) => {
          const [scope, ...xid] = path.split("/");
          return accountToProto(loadAccount({ scope: scope as Scope, xid: xid.join("/") }, stored));
        }),
        pagination: { nextKey: page.nextKey, total: page.total.toString() },
      });
    },
  };
}

export function paymentsQuery(): QueryHandler<QueryPaymentsRequest, QueryPaymentsResponse> {
  return {
    path: "/akash.escrow.v1.Query/Payments",
    request: QueryPaymentsRequest,
    response: QueryPaymentsResponse,
    rest: "GET /akash/escrow/v1/types/payments",
    handle(ctx: Context, req) {
      const page = listed<StoredPayment>(ctx, PAYMENT_PREFIX, req);
      return QueryPaymentsResponse.fromPartial({
        payments: page.items.map(([path, stored]) => {
          const [scope, ...rest] = path.split("/");
          const accountParts = scope === "bid" ? 5 : 2;
          const aid = { scope: scope as Scope, xid: rest.slice(0, accountParts).join("/") };
          return paymentToProto(loadPayment({ aid, xid: rest.slice(accountParts).join("/") }, stored));
        }),
        pagination: { nextKey: page.nextKey, total: page.total.toString() },
      });
    },
  };
}
