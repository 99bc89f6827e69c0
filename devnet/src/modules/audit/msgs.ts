/** audit v1 message handlers (node x/audit/handler/msg_server.go). */
import {
  MsgDeleteProviderAttributes,
  MsgDeleteProviderAttributesResponse,
  MsgSignProviderAttributes,
  MsgSignProviderAttributesResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { MsgHandler } from "../../chain/types";
import { isAccAddress } from "../registry-kit/address";
import { sdkErrors } from "../../chain/errors";
import type { AuditKeeper } from "./keeper";

/** ValidateBasic of both audit messages (the Go text says "MsgCreate" for both). */
function validateParties(msg: { owner: string; auditor: string }): void {
  if (!isAccAddress(msg.owner)) throw sdkErrors.invalidAddress.wrap("MsgCreate: Invalid Owner Address");
  if (!isAccAddress(msg.auditor)) throw sdkErrors.invalidAddress.wrap("MsgCreate: Invalid Auditor Address");
}

export function auditMsgHandlers(keeper: AuditKeeper): MsgHandler<any>[] {
  // Like the node, signing does not require the provider to be registered.
  const sign: MsgHandler<MsgSignProviderAttributes> = {
    typeUrl: `/${MsgSignProviderAttributes.$type}`,
    codec: MsgSignProviderAttributes,
    response: MsgSignProviderAttributesResponse,
    signers: (msg) => [msg.auditor],
    validateBasic: validateParties,
    handle(ctx, msg) {
      keeper.sign(ctx, msg.owner, msg.auditor, msg.attributes);
      return MsgSignProviderAttributesResponse.fromPartial({});
    },
  };
  const remove: MsgHandler<MsgDeleteProviderAttributes> = {
    typeUrl: `/${MsgDeleteProviderAttributes.$type}`,
    codec: MsgDeleteProviderAttributes,
    response: MsgDeleteProviderAttributesResponse,
    signers: (msg) => [msg.auditor],
    validateBasic: validateParties,
    handle(ctx, msg) {
      keeper.remove(ctx, msg.owner, msg.auditor, msg.keys);
      return MsgDeleteProviderAttributesResponse.fromPartial({});
    },
  };
  return [sign, remove];
}
