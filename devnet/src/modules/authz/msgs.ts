/**
 * cosmos authz MsgGrant / MsgRevoke (x/authz/keeper/msg_server.go; their checks run in DeliverTx).
 * MsgExec is not served: executing the wrapped messages needs the core's message router.
 */
import { MsgGrant, MsgGrantResponse, MsgRevoke, MsgRevokeResponse } from "cosmjs-types/cosmos/authz/v1beta1/tx";
import { sdkErrors } from "../../chain/errors";
import type { MsgHandler } from "../../chain/types";
import { requireAddress } from "../registry-kit/address";
import { authorizationMsgType, validateAuthorization } from "./authorizations";
import { authzErrors } from "./errors";
import type { AuthzKeeper } from "./keeper";

function checkParties(msg: { granter: string; grantee: string }): void {
  if (msg.granter.toLowerCase() === msg.grantee.toLowerCase()) throw authzErrors.granteeIsGranter;
  requireAddress("grantee", msg.grantee);
  requireAddress("granter", msg.granter);
}

export function authzMsgHandlers(keeper: AuthzKeeper): MsgHandler<any>[] {
  const grant: MsgHandler<MsgGrant> = {
    typeUrl: MsgGrant.typeUrl,
    codec: MsgGrant,
    response: MsgGrantResponse,
    signers: (msg) => [msg.granter],
    handle(ctx, msg) {
      checkParties(msg);
      const authorization = msg.grant?.authorization;
      if (!authorization) throw sdkErrors.invalidType.wrap("expected authz.Authorization, got <nil>");
      const msgTypeUrl = authorizationMsgType(authorization);
      validateAuthorization(authorization);
      keeper.save(ctx, { granter: msg.granter, grantee: msg.grantee, msgTypeUrl, authorization, expiration: msg.grant.expiration });
      return MsgGrantResponse.fromPartial({});
    },
  };
  const revoke: MsgHandler<MsgRevoke> = {
    typeUrl: MsgRevoke.typeUrl,
    codec: MsgRevoke,
    response: MsgRevokeResponse,
    signers: (msg) => [msg.granter],
    handle(ctx, msg) {
      checkParties(msg);
      if (msg.msgTypeUrl === "") throw sdkErrors.invalidRequest.wrap("missing msg method name");
      keeper.revoke(ctx, msg.granter, msg.grantee, msg.msgTypeUrl);
      return MsgRevokeResponse.fromPartial({});
    },
  };
  return [grant, revoke];
}
