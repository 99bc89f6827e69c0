/** cosmos feegrant MsgGrantAllowance / MsgRevokeAllowance (x/feegrant/keeper/msg_server.go). */
import { MsgGrantAllowance, MsgGrantAllowanceResponse, MsgRevokeAllowance, MsgRevokeAllowanceResponse } from "cosmjs-types/cosmos/feegrant/v1beta1/tx";
import { sdkErrors } from "../../chain/errors";
import type { MsgHandler } from "../../chain/types";
import { requireAddress } from "../registry-kit/address";
import { decodeAllowance, expiresAtMs, validateAllowance } from "./allowance";
import type { FeegrantKeeper } from "./keeper";

export function feegrantMsgHandlers(keeper: FeegrantKeeper): MsgHandler<any>[] {
  const grant: MsgHandler<MsgGrantAllowance> = {
    typeUrl: MsgGrantAllowance.typeUrl,
    codec: MsgGrantAllowance,
    response: MsgGrantAllowanceResponse,
    signers: (msg) => [msg.granter],
    handle(ctx, msg) {
      if (msg.granter.toLowerCase() === msg.grantee.toLowerCase()) throw sdkErrors.invalidAddress.wrap("cannot self-grant fee authorization");
      requireAddress("grantee", msg.grantee);
      requireAddress("granter", msg.granter);
      if (keeper.get(ctx, msg.granter, msg.grantee)) throw sdkErrors.invalidRequest.wrap("fee allowance already exists");
      const allowance = decodeAllowance(msg.allowance);
      validateAllowance(allowance);
      if (allowance.expiration && expiresAtMs(allowance.expiration) < ctx.block.time.getTime()) {
        throw sdkErrors.invalidRequest.wrap("expiration is before current block time");
      }
      keeper.grant(ctx, { granter: msg.granter, grantee: msg.grantee, allowance: msg.allowance! });
      return MsgGrantAllowanceResponse.fromPartial({});
    },
  };
  const revoke: MsgHandler<MsgRevokeAllowance> = {
    typeUrl: MsgRevokeAllowance.typeUrl,
    codec: MsgRevokeAllowance,
    response: MsgRevokeAllowanceResponse,
    signers: (msg) => [msg.granter],
    handle(ctx, msg) {
      if (msg.granter.toLowerCase() === msg.grantee.toLowerCase()) throw sdkErrors.invalidAddress.wrap("addresses must be different");
      requireAddress("grantee", msg.grantee);
      requireAddress("granter", msg.granter);
      keeper.revoke(ctx, msg.granter, msg.grantee);
      return MsgRevokeAllowanceResponse.fromPartial({});
    },
  };
  return [grant, revoke];
}
