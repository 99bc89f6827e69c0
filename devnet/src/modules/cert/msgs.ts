/** cert v1 message handlers (node x/cert/handler/msg_server.go, chain-sdk go/node/cert/v1/msgs.go). */
import {
  MsgCreateCertificate,
  MsgCreateCertificateResponse,
  MsgRevokeCertificate,
  MsgRevokeCertificateResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { MsgHandler } from "../../chain/types";
import { isAccAddress } from "../registry-kit/address";
import { sdkErrors } from "../../chain/errors";
import { parseAndValidateCertificate } from "./certificate";
import { certErrors } from "./errors";
import type { CertKeeper } from "./keeper";

const decimalSerial = /^[+-]?\d+$/;

export function certMsgHandlers(keeper: CertKeeper): MsgHandler<any>[] {
  const create: MsgHandler<MsgCreateCertificate> = {
    typeUrl: `/${MsgCreateCertificate.$type}`,
    codec: MsgCreateCertificate,
    response: MsgCreateCertificateResponse,
    signers: (msg) => [msg.owner],
    validateBasic(msg) {
      if (!isAccAddress(msg.owner)) throw sdkErrors.invalidAddress.wrap("MsgCreateCertificate: Invalid Owner Address");
      parseAndValidateCertificate(msg.owner, msg.cert, msg.pubkey);
    },
    handle(ctx, msg) {
      const { serial } = parseAndValidateCertificate(msg.owner, msg.cert, msg.pubkey);
      keeper.create(ctx, msg.owner, serial, {
        cert: Buffer.from(msg.cert).toString("utf8"),
        pubkey: Buffer.from(msg.pubkey).toString("utf8"),
      });
      return MsgCreateCertificateResponse.fromPartial({});
    },
  };
  const revoke: MsgHandler<MsgRevokeCertificate> = {
    typeUrl: `/${MsgRevokeCertificate.$type}`,
    codec: MsgRevokeCertificate,
    response: MsgRevokeCertificateResponse,
    signers: (msg) => [msg.id?.owner ?? ""],
    validateBasic(msg) {
      if (!isAccAddress(msg.id?.owner ?? "")) throw sdkErrors.invalidAddress.wrap("MsgRevoke: Invalid Owner Address");
      if (!decimalSerial.test(msg.id?.serial ?? "")) throw certErrors.invalidSerialNumber;
    },
    handle(ctx, msg) {
      keeper.revoke(ctx, msg.id!.owner, BigInt(msg.id!.serial));
      return MsgRevokeCertificateResponse.fromPartial({});
    },
  };
  return [create, revoke];
}
