import { MsgAccountDeposit, MsgAccountDepositResponse, Scope as ScopeEnum } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { ChainError, MsgHandler } from "../../chain/types";
import { unregistered } from "../market-common/errors";
import { isAccAddress } from "../market-common/ids";
import { depositRequest, sourcesError } from "./deposit";
import { escrowErrors } from "./errors";
import type { EscrowKeeper } from "./keeper";
import type { AccountId } from "./types";

/** akash.escrow.id.v1 Account.ValidateBasic: deployment xid owner/dseq, bid xid owner/dseq/gseq/oseq/provider. */
export function accountIdError(id: { scope: ScopeEnum; xid: string } | undefined): ChainError | undefined {
  const parts = (id?.xid ?? "").split("/");
  if (id?.scope === ScopeEnum.deployment) {
    if (parts.length !== 2) return escrowErrors.invalidID().wrap("invalid xid format");
  } else if (id?.scope === ScopeEnum.bid) {
    if (parts.length !== 5) return escrowErrors.invalidID().wrap("invalid xid format");
  } else {
    return escrowErrors.invalidID().wrap("invalid scope");
  }
  if (!isAccAddress(parts[0])) return escrowErrors.invalidID().wrap(`invalid xid/owner: decoding bech32 failed`);
  if (!/^\d+$/.test(parts[1])) return escrowErrors.invalidID().wrap(`invalid xid/dseq: strconv.ParseUint: parsing "${parts[1]}": invalid syntax`);
  return undefined;
}

export function toAccountId(id: { scope: ScopeEnum; xid: string } | undefined): AccountId {
  return { scope: id?.scope === ScopeEnum.bid ? "bid" : "deployment", xid: id?.xid ?? "" };
}

export function accountDepositHandler(keeper: EscrowKeeper): MsgHandler<MsgAccountDeposit> {
  return {
    typeUrl: `/${MsgAccountDeposit.$type}`,
    codec: MsgAccountDeposit,
    response: MsgAccountDepositResponse,
    signers: (msg) => [msg.signer],
    validateBasic(msg) {
      if (!isAccAddress(msg.signer)) throw unregistered(msg.signer ? "decoding bech32 failed: invalid signer" : "empty address string is not allowed");
      const idErr = accountIdError(msg.id);
      if (idErr) throw idErr;
      if (BigInt(msg.deposit?.amount?.amount || "0") === 0n) throw escrowErrors.invalidDeposit();
      const srcErr = sourcesError(msg.deposit?.sources ?? []);
      if (srcErr) throw srcErr;
    },
    handle(ctx, msg) {
      const id = toAccountId(msg.id);
      const deposits = keeper.authorizeDeposits(ctx, msg.signer, depositRequest(msg.deposit), id.scope);
      keeper.accountDeposit(ctx, id, deposits);
      return {};
    },
  };
}
