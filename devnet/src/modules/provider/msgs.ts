/** provider v1beta4 message handlers (node x/provider/handler/server.go). */
import {
  MsgCreateProvider,
  MsgCreateProviderResponse,
  MsgDeleteProvider,
  MsgDeleteProviderResponse,
  MsgUpdateProvider,
  MsgUpdateProviderResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { MsgHandler } from "../../chain/types";
import { accAddressBytes } from "../registry-kit/address";
import { sdkErrors } from "../../chain/errors";
import { providerErrors } from "./errors";
import type { ProviderKeeper } from "./keeper";
import { validateProviderMsg } from "./validation";

const typeUrl = (codec: { $type: string }) => `/${codec.$type}`;

export function providerMsgHandlers(keeper: ProviderKeeper): MsgHandler<any>[] {
  const create: MsgHandler<MsgCreateProvider> = {
    typeUrl: typeUrl(MsgCreateProvider),
    codec: MsgCreateProvider,
    response: MsgCreateProviderResponse,
    signers: (msg) => [msg.owner],
    validateBasic: (msg) => validateProviderMsg(msg, "MsgCreate"),
    handle(ctx, msg) {
      if (keeper.get(ctx, msg.owner)) throw providerErrors.providerExists.wrap(`id: ${msg.owner}`);
      keeper.create(ctx, msg);
      return MsgCreateProviderResponse.fromPartial({});
    },
  };
  const update: MsgHandler<MsgUpdateProvider> = {
    typeUrl: typeUrl(MsgUpdateProvider),
    codec: MsgUpdateProvider,
    response: MsgUpdateProviderResponse,
    signers: (msg) => [msg.owner],
    validateBasic: (msg) => validateProviderMsg(msg, "MsgUpdate"),
    handle(ctx, msg) {
      if (!keeper.get(ctx, msg.owner)) throw providerErrors.providerNotFound.wrap(`id: ${msg.owner}`);
      keeper.update(ctx, msg);
      return MsgUpdateProviderResponse.fromPartial({});
    },
  };
  const remove: MsgHandler<MsgDeleteProvider> = {
    typeUrl: typeUrl(MsgDeleteProvider),
    codec: MsgDeleteProvider,
    response: MsgDeleteProviderResponse,
    signers: (msg) => [msg.owner],
    validateBasic(msg) {
      try {
        accAddressBytes(msg.owner);
      } catch {
        throw sdkErrors.invalidAddress.wrap("MsgDelete: Invalid Provider Address");
      }
    },
    handle(ctx, msg) {
      if (!keeper.get(ctx, msg.owner)) throw providerErrors.providerNotFound;
      // The node has never implemented provider deletion (its handler answers exactly this).
      throw providerErrors.handlerInternal.wrap("NOTIMPLEMENTED");
    },
  };
  return [create, update, remove];
}
