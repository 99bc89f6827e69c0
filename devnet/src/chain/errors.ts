/**
 * The cosmos-sdk root errors (codespace "sdk", types/errors/errors.go in cosmos-sdk 0.53) the core
 * returns, so clients see the same codes and messages as against a real Akash node.
 */
import { ChainError } from "./types";

function sdk(code: number, message: string): ChainError {
  return new ChainError("sdk", code, message);
}

export const sdkErrors = {
  txDecode: sdk(2, "tx parse error"),
  invalidSequence: sdk(3, "invalid sequence"),
  unauthorized: sdk(4, "unauthorized"),
  insufficientFunds: sdk(5, "insufficient funds"),
  unknownRequest: sdk(6, "unknown request"),
  invalidAddress: sdk(7, "invalid address"),
  invalidPubKey: sdk(8, "invalid pubkey"),
  unknownAddress: sdk(9, "unknown address"),
  invalidCoins: sdk(10, "invalid coins"),
  outOfGas: sdk(11, "out of gas"),
  memoTooLarge: sdk(12, "memo too large"),
  insufficientFee: sdk(13, "insufficient fee"),
  tooManySignatures: sdk(14, "maximum number of signatures exceeded"),
  noSignatures: sdk(15, "no signatures supplied"),
  invalidRequest: sdk(18, "invalid request"),
  txInMempoolCache: sdk(19, "tx already in mempool"),
  txTooLarge: sdk(21, "tx too large"),
  keyNotFound: sdk(22, "key not found"),
  invalidHeight: sdk(26, "invalid height"),
  invalidChainId: sdk(28, "invalid chain-id"),
  invalidType: sdk(29, "invalid type"),
  txTimeoutHeight: sdk(30, "tx timeout height"),
  unknownExtensionOptions: sdk(31, "unknown extension options"),
  wrongSequence: sdk(32, "incorrect account sequence"),
  logic: sdk(35, "internal logic error"),
  notSupported: sdk(37, "feature not supported"),
  notFound: sdk(38, "not found"),
  invalidGasLimit: sdk(41, "invalid gas limit"),
  panic: sdk(111222, "panic"),
} as const;

/**
 * gRPC status codes a query server returns, as baseapp maps them onto sdk errors for abci_query
 * (baseapp gRPCErrorToSDKError): the log reads "rpc error: code = NotFound desc = <msg>: key not found",
 * which is what cosmjs matches (e.g. getAccount returns null on /rpc error: code = NotFound/).
 */
export type GrpcCode = "NotFound" | "InvalidArgument" | "FailedPrecondition" | "Unauthenticated" | "Internal" | "Unimplemented";

export function grpcError(code: GrpcCode, message: string): ChainError {
  const status = `rpc error: code = ${code} desc = ${message}`;
  switch (code) {
    case "NotFound":
      return sdkErrors.keyNotFound.wrap(status);
    case "InvalidArgument":
    case "FailedPrecondition":
      return sdkErrors.invalidRequest.wrap(status);
    case "Unauthenticated":
      return sdkErrors.unauthorized.wrap(status);
    default:
      return sdkErrors.unknownRequest.wrap(status);
  }
}

/** Any thrown value as a ChainError; unexpected exceptions become sdk "panic" like a recovered Go panic. */
export function toChainError(err: unknown): ChainError {
  if (err instanceof ChainError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return sdkErrors.panic.wrap(message);
}
