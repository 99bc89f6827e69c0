/**
 * The x/auth ante handler chain in cosmos-sdk 0.53 order (Akash app/ante.go): basic validation, timeout
 * height, memo, tx size gas, fee check (CheckTx only) and deduction (from the fee payer or a fee-grant
 * granter), public keys, signature gas, sequence and signature verification, sequence increment. Errors
 * carry the sdk codes and messages of the real chain.
 */
import { makeSignDoc, serializeSignDoc } from "@cosmjs/amino";
import { fromBech32, toBase64 } from "@cosmjs/encoding";
import { AminoTypes, createDefaultAminoConverters } from "@cosmjs/stargate";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { getAccount, getAuthParams, setAccount } from "../modules/auth/keeper";
import { sendCoins } from "../modules/bank/keeper";
import type { FeegrantKeeper } from "../modules/feegrant";
import { addressFromSecp256k1, moduleAddress } from "./address";
import { formatCoins, isValidDenom, normalizeCoins } from "./coins";
import { sdkErrors, toChainError } from "./errors";
import type { EventSink } from "./events";
import type { GasMeter } from "./gas";
import { verifySecp256k1 } from "./secp256k1";
import { signerPubKey, type DecodedTx } from "./tx";
import type { BlockInfo, Coin, Context } from "./types";

export type ExecMode = "check" | "simulate" | "deliver";

/** A minimum gas price, e.g. 0.0025uakt. */
export interface GasPrice {
  denom: string;
  /** decimal string */
  amount: string;
}

export interface AnteInput {
  tx: DecodedTx;
  mode: ExecMode;
  /** metered context over the ante branch (its events are the tx's ante events) */
  ctx: Context & { events: EventSink };
  meter: GasMeter;
  block: BlockInfo;
  minGasPrices: GasPrice[];
}

/** Placeholder key priced in simulate when the tx carries none (cosmos simSecp256k1Pubkey). */
const simulatedPubKey = new Uint8Array(33).fill(2);

/** Size of an amino StdSignature with a secp256k1 key, used to price the missing signature in simulate. */
const simulatedSignatureBytes = 109 + 6;

/** baseapp validateBasicTxMsgs, run before the ante chain. */
function validateMsgs(tx: DecodedTx): void {
  if (tx.msgs.length === 0) throw sdkErrors.invalidRequest.wrap("must contain at least one message");
  for (const msg of tx.msgs) msg.handler.validateBasic?.(msg.value);
}

function validateBasic(tx: DecodedTx): void {
  if (!tx.authInfo.fee) throw sdkErrors.txDecode.wrap("missing fee");
  for (const coin of tx.authInfo.fee.amount) {
    if (!isValidDenom(coin.denom) || !/^\d+$/.test(coin.amount)) {
      throw sdkErrors.insufficientFee.wrap(`invalid fee provided: ${formatCoins(tx.authInfo.fee.amount)}`);
    }
  }
  if (tx.raw.signatures.length === 0) throw sdkErrors.noSignatures.wrap("empty signatures");
  if (tx.raw.signatures.length !== tx.signers.length) {
    throw sdkErrors.unauthorized.wrap(`invalid number of signatures: got ${tx.raw.signatures.length} signatures and ${tx.signers.length} signers`);
  }
}

/** ceil(gas × price) per min-gas-price denom, as x/auth checkTxFeeWithValidatorMinGasPrices. */
export function requiredFees(gas: number, prices: GasPrice[]): Coin[] {
  return prices
    .filter((p) => Number(p.amount) > 0)
    .map((p) => {
      const [whole, frac = ""] = p.amount.split(".");
      const scale = 10n ** BigInt(frac.length);
      const num = BigInt(whole + frac) * BigInt(gas);
      return { denom: p.denom, amount: ((num + scale - 1n) / scale).toString() };
    });
}

function checkMinGasPrice(input: AnteInput, fee: Coin[]): void {
  const required = requiredFees(input.tx.gasLimit, input.minGasPrices);
  if (required.length === 0) return;
  const enough = required.some((r) => fee.some((f) => f.denom === r.denom && BigInt(f.amount) >= BigInt(r.amount)));
  if (!enough) {
    throw sdkErrors.insufficientFee.wrap(`insufficient fees; got: ${formatCoins(fee)} required: ${formatCoins(required)}`);
  }
}

/** Go's `%s` of a []byte as a JSON client receives it: the raw bytes, each byte that is not valid UTF-8 as U+FFFD. */
export function goByteString(bytes: Uint8Array): string {
  const strict = new TextDecoder("utf-8", { fatal: true });
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const length = bytes[i] < 0x80 ? 1 : bytes[i] >= 0xf0 ? 4 : bytes[i] >= 0xe0 ? 3 : 2;
    try {
      out += strict.decode(bytes.subarray(i, i + length));
      i += length;
    } catch {
      out += "\ufffd";
      i += 1;
    }
  }
  return out;
}

/** The 0.53 fee decorator formats FeePayer()/FeeGranter() ([]byte) with %s, not as bech32. */
const goAddress = (address: string) => goByteString(fromBech32(address).data);

/**
 * DeductFeeDecorator: the fee payer is fee.payer or else the first signer; a granter other than the
 * payer pays through its fee allowance for the payer (x/feegrant UseGrantedFees).
 */
function deductFee(input: AnteInput): void {
  const { tx, mode, ctx } = input;
  const { store, events } = ctx;
  const { amount, payer: feePayer, granter } = tx.authInfo.fee!;
  const fee = normalizeCoins(amount);
  if (mode !== "simulate" && input.block.height > 0 && tx.gasLimit === 0) {
    throw sdkErrors.invalidGasLimit.wrap("must provide positive gas");
  }
  if (mode === "check") checkMinGasPrice(input, fee);
  const payer = feePayer || tx.signers[0];
  let deductFrom = payer;
  if (granter) {
    if (granter !== payer) {
      try {
        ctx.keeper<FeegrantKeeper>("feegrant").useGrantedFees(ctx, granter, payer, fee);
      } catch (err) {
        throw toChainError(err).wrap(`${goAddress(granter)} does not allow to pay fees for ${goAddress(payer)}`);
      }
    }
    deductFrom = granter;
  }
  if (!getAccount(store, deductFrom)) throw sdkErrors.unknownAddress.wrap(`fee payer address: ${goAddress(deductFrom)} does not exist`);
  if (fee.length > 0) {
    try {
      sendCoins(store, events, deductFrom, moduleAddress("fee_collector"), fee);
    } catch (err) {
      throw sdkErrors.insufficientFunds.wrap((err as Error).message);
    }
  }
  events.emit("tx", [
    { key: "fee", value: formatCoins(fee) },
    { key: "fee_payer", value: deductFrom },
  ]);
}

/** SetPubKeyDecorator: records each signer's key on first use and checks it matches the signer address. */
function setPubKeys(input: AnteInput): void {
  const { tx, mode } = input;
  const { store, events } = input.ctx;
  tx.signers.forEach((signer, i) => {
    let key = signerPubKey(tx, i);
    if (key === undefined) {
      if (mode !== "simulate") return;
      key = simulatedPubKey;
    }
    if (mode !== "simulate" && addressFromSecp256k1(key) !== signer) {
      throw sdkErrors.invalidPubKey.wrap(`pubKey does not match signer address ${signer} with signer index: ${i}`);
    }
    const account = getAccount(store, signer);
    if (!account) throw sdkErrors.unknownAddress.wrap(`account ${signer} does not exist`);
    if (account.pubKey !== undefined) return;
    // In simulate too (on a throwaway branch), so the write is priced like the real first tx.
    setAccount(store, { ...account, pubKey: toBase64(key) });
  });
  tx.signers.forEach((signer, i) => {
    const seq = tx.authInfo.signerInfos[i]?.sequence ?? 0n;
    events.emit("tx", [{ key: "acc_seq", value: `${signer}/${seq}` }]);
  });
  for (const sig of tx.raw.signatures) events.emit("tx", [{ key: "signature", value: toBase64(sig) }]);
}

/** cosmos-sdk amino JSON converters (bank, staking, gov...); Akash messages are signed in direct mode. */
const aminoTypes = new AminoTypes(createDefaultAminoConverters());

/** SIGN_MODE_LEGACY_AMINO_JSON sign bytes (sorted StdSignDoc JSON), or undefined if a message has no amino form. */
function aminoSignBytes(input: AnteInput, accountNumber: string, sequence: bigint): Uint8Array | undefined {
  const { tx } = input;
  const fee = tx.authInfo.fee!;
  try {
    const msgs = tx.msgs.map((m) => aminoTypes.toAmino({ typeUrl: m.typeUrl, value: m.value }));
    const stdFee = {
      amount: fee.amount,
      gas: String(fee.gasLimit),
      ...(fee.granter ? { granter: fee.granter } : {}),
      ...(fee.payer ? { payer: fee.payer } : {}),
    };
    const timeout = tx.body.timeoutHeight > 0n ? tx.body.timeoutHeight : undefined;
    return serializeSignDoc(makeSignDoc(msgs, stdFee, input.block.chainId, tx.body.memo, accountNumber, sequence.toString(), timeout));
  } catch {
    return undefined;
  }
}

function verifySignature(input: AnteInput, index: number, accountNumber: string, pubKey: Uint8Array): boolean {
  const { tx } = input;
  const mode = tx.authInfo.signerInfos[index]?.modeInfo?.single?.mode;
  if (mode === SignMode.SIGN_MODE_LEGACY_AMINO_JSON) {
    const signBytes = aminoSignBytes(input, accountNumber, tx.authInfo.signerInfos[index].sequence);
    return signBytes !== undefined && verifySecp256k1(tx.raw.signatures[index], signBytes, pubKey);
  }
  if (mode !== SignMode.SIGN_MODE_DIRECT) return false;
  const signBytes = SignDoc.encode(
    SignDoc.fromPartial({
      bodyBytes: tx.raw.bodyBytes,
      authInfoBytes: tx.raw.authInfoBytes,
      chainId: input.block.chainId,
      accountNumber: BigInt(accountNumber),
    }),
  ).finish();
  return verifySecp256k1(tx.raw.signatures[index], signBytes, pubKey);
}

/** SigGasConsume + SigVerification + IncrementSequence decorators. */
function verifySignatures(input: AnteInput): void {
  const { tx, mode, meter } = input;
  const { store } = input.ctx;
  const count = tx.raw.signatures.length;
  const { txSigLimit } = getAuthParams(store);
  if (count > txSigLimit) throw sdkErrors.tooManySignatures.wrap(`signatures: ${count}, limit: ${txSigLimit}`);
  // SigGasConsumeDecorator: reads params and each signer's account, then charges per key type.
  const { sigVerifyCostSecp256k1 } = getAuthParams(store);
  for (const signer of tx.signers) {
    getAccount(store, signer);
    meter.consume(sigVerifyCostSecp256k1, "ante verify: secp256k1");
  }
  getAuthParams(store); // SigVerificationDecorator reads params too
  if (tx.authInfo.signerInfos.length !== count) {
    throw sdkErrors.unauthorized.wrap(`invalid number of signer infos;  expected: ${count}, got ${tx.authInfo.signerInfos.length}`);
  }
  tx.signers.forEach((signer, i) => {
    const account = getAccount(store, signer);
    if (!account) throw sdkErrors.unknownAddress.wrap(`account ${signer} does not exist`);
    if (mode !== "simulate" && account.pubKey === undefined) throw sdkErrors.invalidPubKey.wrap("pubkey on account is not set");
    const sequence = tx.authInfo.signerInfos[i].sequence;
    if (sequence !== BigInt(account.sequence)) {
      throw sdkErrors.wrongSequence.wrap(`account sequence mismatch, expected ${account.sequence}, got ${sequence}`);
    }
    if (mode !== "simulate" && !verifySignature(input, i, account.accountNumber, Buffer.from(account.pubKey!, "base64"))) {
      throw sdkErrors.unauthorized.wrap(
        `signature verification failed; please verify account number (${account.accountNumber}), sequence (${account.sequence}) and chain-id (${input.block.chainId})`,
      );
    }
  });
  for (const signer of tx.signers) {
    const account = getAccount(store, signer)!;
    setAccount(store, { ...account, sequence: (BigInt(account.sequence) + 1n).toString() });
  }
}

export function runAnte(input: AnteInput): void {
  const { tx, mode, meter } = input;
  validateMsgs(tx);
  validateBasic(tx);
  const timeout = tx.body.timeoutHeight;
  if (timeout > 0n && BigInt(input.block.height) > timeout) {
    throw sdkErrors.txTimeoutHeight.wrap(`block height: ${input.block.height}, timeout height: ${timeout}`);
  }
  // Go's len(memo): bytes, not characters; params are only read for a non-empty memo.
  const memoLength = Buffer.byteLength(tx.body.memo, "utf8");
  if (memoLength > 0) {
    const { maxMemoCharacters } = getAuthParams(input.ctx.store);
    if (memoLength > maxMemoCharacters) {
      throw sdkErrors.memoTooLarge.wrap(`maximum number of characters is ${maxMemoCharacters} but received ${memoLength} characters`);
    }
  }
  const { txSizeCostPerByte } = getAuthParams(input.ctx.store);
  meter.consume(txSizeCostPerByte * tx.bytes.length, "txSize");
  if (mode === "simulate") {
    tx.signers.forEach((signer, i) => {
      if ((tx.raw.signatures[i]?.length ?? 0) > 0) return;
      getAccount(input.ctx.store, signer);
      meter.consume(txSizeCostPerByte * simulatedSignatureBytes, "txSize");
    });
  }
  deductFee(input);
  setPubKeys(input);
  verifySignatures(input);
}
