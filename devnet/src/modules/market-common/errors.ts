import { sdkErrors as coreSdkErrors, grpcError } from "../../chain/errors";
import { ChainError } from "../../chain/types";

/** Root sdk errors the market modules wrap (the core's set plus ErrConflict used by BidID.Validate). */
export const sdkErrors = { ...coreSdkErrors, conflict: new ChainError("sdk", 36, "conflict") };

/** `fmt.Errorf("%w: <detail>", err)`: base message first, same codespace and code. */
export function withDetail(err: ChainError, detail: string): ChainError {
  return new ChainError(err.codespace, err.code, `${err.message}: ${detail}`);
}

/** A plain Go `error` (not registered): ABCI reports it as codespace "undefined", code 1, with its text. */
export function unregistered(message: string): ChainError {
  return new ChainError("undefined", 1, message);
}

/** A query's `status.Error(codes.InvalidArgument, msg)` as abci_query reports it. */
export function invalidArgument(message: string): ChainError {
  return grpcError("InvalidArgument", message);
}

/** A registered NotFound error returned by a query handler (baseapp gRPCErrorToSDKError). */
export function queryNotFound(err: ChainError): ChainError {
  return sdkErrors.keyNotFound.wrap(err.message);
}
