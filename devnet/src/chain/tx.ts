/**
 * Transaction decoding: TxRaw -> body, auth info, typed messages routed to their handlers, and the
 * signer list (cosmos GetSigners over all messages, first appearance order, then a non-signing fee payer).
 */
import { fromBase64 } from "@cosmjs/encoding";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { isAccountAddress } from "./address";
import { sdkErrors } from "./errors";
import type { MsgHandler } from "./types";

export interface DecodedMsg {
  typeUrl: string;
  handler: MsgHandler<any>;
  value: any;
}

export interface DecodedTx {
  bytes: Uint8Array;
  raw: TxRaw;
  body: TxBody;
  authInfo: AuthInfo;
  msgs: DecodedMsg[];
  signers: string[];
  gasLimit: number;
}

export const secp256k1PubKeyType = "/cosmos.crypto.secp256k1.PubKey";

function parseError(err: unknown): never {
  throw sdkErrors.txDecode.wrap(err instanceof Error ? err.message : String(err));
}

export function decodeTx(bytes: Uint8Array, routes: ReadonlyMap<string, MsgHandler<any>>): DecodedTx {
  let raw: TxRaw;
  let body: TxBody;
  let authInfo: AuthInfo;
  try {
    raw = TxRaw.decode(bytes);
    body = TxBody.decode(raw.bodyBytes);
    authInfo = AuthInfo.decode(raw.authInfoBytes);
  } catch (err) {
    parseError(err);
  }
  if (bytes.length === 0) parseError(new Error("empty tx"));
  const msgs = body.messages.map((any): DecodedMsg => {
    const handler = routes.get(any.typeUrl);
    if (!handler) throw sdkErrors.txDecode.wrap(`unable to resolve type URL ${any.typeUrl}`);
    try {
      return { typeUrl: any.typeUrl, handler, value: handler.codec.decode(any.value) };
    } catch (err) {
      return parseError(err);
    }
  });
  rejectExtensionOptions(body, routes);
  const signers: string[] = [];
  for (const msg of msgs) {
    for (const signer of msg.handler.signers(msg.value)) if (!signers.includes(signer)) signers.push(signer);
  }
  // cosmos Tx.GetSigners: a fee payer that signs no message is a required signer too, last.
  const payer = authInfo.fee?.payer;
  if (payer) {
    if (!isAccountAddress(payer)) throw sdkErrors.txDecode.wrap(`decoding bech32 failed: ${payer}`);
    if (!signers.includes(payer)) signers.push(payer);
  }
  const gasLimit = Number(authInfo.fee?.gasLimit ?? 0n);
  return { bytes, raw, body, authInfo, msgs, signers, gasLimit };
}

/**
 * Akash registers no TxExtensionOptionI implementation (and its ante has no extension decorator), so the
 * tx decoder refuses any extension option, critical or not, when it unpacks the body's Anys.
 */
function rejectExtensionOptions(body: TxBody, routes: ReadonlyMap<string, MsgHandler<any>>): void {
  const [option] = [...body.extensionOptions, ...body.nonCriticalExtensionOptions];
  if (!option) return;
  // A type URL the registry knows (here: a message) resolves, then fails to unpack as an extension option.
  if (!routes.has(option.typeUrl)) throw sdkErrors.txDecode.wrap(`unable to resolve type URL ${option.typeUrl}`);
  throw sdkErrors.txDecode.wrap(`no concrete type registered for type URL ${option.typeUrl} against interface *tx.TxExtensionOptionI`);
}

/** The compressed secp256k1 key of a signer info, or undefined when absent; other key types are refused. */
export function signerPubKey(tx: DecodedTx, index: number): Uint8Array | undefined {
  const any = tx.authInfo.signerInfos[index]?.publicKey;
  if (!any) return undefined;
  if (any.typeUrl !== secp256k1PubKeyType) throw sdkErrors.invalidPubKey.wrap(`unsupported public key type ${any.typeUrl}`);
  const key = PubKey.decode(any.value).key;
  if (key.length !== 33) throw sdkErrors.invalidPubKey.wrap(`invalid pubkey size; expected 33, got ${key.length}`);
  return key;
}

export function decodeBase64Tx(text: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch {
    throw new Error("tx must be base64");
  }
}
