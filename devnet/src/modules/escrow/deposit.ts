import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { ChainError } from "../../chain/types";
import { unregistered } from "../market-common/errors";
import type { DepositRequest } from "./keeper";
import type { DepositSource } from "./types";

/** akash.base.deposit.v1 Deposit as decoded by the codec. */
export interface DepositMsg {
  amount?: { denom: string; amount: string };
  sources: Source[];
}

const DENOM = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;

/** The shared "akash" codespace error for deposit sources (chain-sdk go/node/types/deposit/v1/errors.go). */
export const invalidDepositSource = () => new ChainError("akash", 4, "invalid deposit source");

/** Source list checks shared by Deposit.Validate and MsgAccountDeposit.ValidateBasic. */
export function sourcesError(sources: Source[]): ChainError | undefined {
  if (sources.length === 0) return invalidDepositSource().wrap("empty deposit sources");
  const seen = new Set<Source>();
  for (const src of sources) {
    if (src !== Source.balance && src !== Source.grant) return invalidDepositSource().wrap(`empty deposit source type ${src}`);
    if (seen.has(src)) return invalidDepositSource().wrap(`duplicate deposit source type ${src}`);
    seen.add(src);
  }
  return undefined;
}

/** Deposit.Validate: a valid coin (sdk.Coin.Validate), then the sources. */
export function depositError(deposit: DepositMsg | undefined): ChainError | undefined {
  const coin = deposit?.amount;
  if (!coin || !DENOM.test(coin.denom)) return unregistered(`invalid denom: ${coin?.denom ?? ""}`);
  if (!/^\d+$/.test(coin.amount)) return unregistered(`negative coin amount: ${coin.amount}`);
  return sourcesError(deposit.sources);
}

export function depositRequest(deposit: DepositMsg | undefined): DepositRequest {
  const sources: DepositSource[] = (deposit?.sources ?? []).map((s) => (s === Source.grant ? "grant" : "balance"));
  return { denom: deposit?.amount?.denom ?? "", amount: BigInt(deposit?.amount?.amount || "0"), sources };
}
