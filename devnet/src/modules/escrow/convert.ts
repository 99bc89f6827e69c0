import { Scope as ScopeEnum, Source, Types_Account, Types_Payment, Types_State } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { formatDec } from "../market-common/decimal";
import type { Account, Dec, Payment } from "./types";

/** Keeper records → chain-sdk escrow.types.v1 messages (LegacyDec amounts as human decimals, as the codec expects). */
const dec = (d: Dec) => ({ denom: d.denom, amount: formatDec(d.amount) });

export function accountToProto(acc: Account): Types_Account {
  return Types_Account.fromPartial({
    id: { scope: ScopeEnum[acc.id.scope], xid: acc.id.xid },
    state: {
      owner: acc.owner,
      state: Types_State[acc.state],
      transferred: acc.transferred.map(dec),
      settledAt: acc.settledAt.toString(),
      funds: acc.funds.map(dec),
      deposits: acc.deposits.map((d) => ({ owner: d.owner, height: d.height.toString(), source: Source[d.source], balance: dec(d.balance) })),
    },
  });
}

export function paymentToProto(p: Payment): Types_Payment {
  return Types_Payment.fromPartial({
    id: { aid: { scope: ScopeEnum[p.id.aid.scope], xid: p.id.aid.xid }, xid: p.id.xid },
    state: {
      owner: p.owner,
      state: Types_State[p.state],
      rate: dec(p.rate),
      balance: dec(p.balance),
      unsettled: dec(p.unsettled),
      withdrawn: { denom: p.withdrawn.denom, amount: p.withdrawn.amount.toString() },
    },
  });
}
