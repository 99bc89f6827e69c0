import { expect } from "chai";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { createModule as bank } from "../modules/bank";
import { decodeTx } from "./tx";
import { ChainError, type MsgHandler } from "./types";

const alice = "akash1rqmjt0fc9g4s5sg6cw842qsg2yplz3ye3n0rea";
const bob = "akash13n2s6rg385vtxsfzd6ztm95nalm45fn92cg4gl";
const routes = new Map<string, MsgHandler<any>>(bank().msgs.map((m) => [m.typeUrl, m]));
const send: Any = { typeUrl: MsgSend.typeUrl, value: MsgSend.encode(MsgSend.fromPartial({ fromAddress: alice, toAddress: bob })).finish() };

function tx(body: Partial<TxBody>, fee: { payer?: string; granter?: string } = {}): Uint8Array {
  return TxRaw.encode({
    bodyBytes: TxBody.encode(TxBody.fromPartial({ messages: [send], ...body })).finish(),
    authInfoBytes: AuthInfo.encode(AuthInfo.fromPartial({ fee: { amount: [], gasLimit: 100_000n, ...fee } })).finish(),
    signatures: [new Uint8Array(64)],
  }).finish();
}

function decodeError(bytes: Uint8Array): ChainError {
  try {
    decodeTx(bytes, routes);
  } catch (err) {
    if (err instanceof ChainError) return err;
    throw err;
  }
  throw new Error("decoded");
}

describe("chain/tx", () => {
  it("adds a fee payer that signs no message as the last signer", () => {
    expect(decodeTx(tx({}), routes).signers).to.deep.equal([alice]);
    expect(decodeTx(tx({}, { payer: bob }), routes).signers).to.deep.equal([alice, bob]);
    expect(decodeTx(tx({}, { payer: alice }), routes).signers).to.deep.equal([alice]);
  });

  it("refuses extension options, critical or not, as tx parse errors (Akash registers none)", () => {
    const unknown = decodeError(tx({ extensionOptions: [{ typeUrl: "/ethermint.types.v1.ExtensionOptionsWeb3Tx", value: new Uint8Array() }] }));
    expect([unknown.codespace, unknown.code, unknown.message]).to.deep.equal(["sdk", 2, "unable to resolve type URL /ethermint.types.v1.ExtensionOptionsWeb3Tx: tx parse error"]);
    const known = decodeError(tx({ nonCriticalExtensionOptions: [send] }));
    expect(known.message).to.equal(`no concrete type registered for type URL ${MsgSend.typeUrl} against interface *tx.TxExtensionOptionI: tx parse error`);
  });
});
