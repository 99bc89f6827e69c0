/**
 * Registered module errors the way cosmos-sdk's `errors.RegisterWithGRPCCode` defines them, and the
 * conversion baseapp applies when a gRPC query handler fails, so abci_query shows what a real node shows.
 */
import { grpcError, sdkErrors, type GrpcCode } from "../../chain/errors";
import { ChainError } from "../../chain/types";

/** A registered module error: codespace + code + base message, and the gRPC code queries map it to. */
export class ModuleError extends ChainError {
  constructor(
    codespace: string,
    code: number,
    message: string,
    readonly grpcCode: GrpcCode | "Unknown" | "AlreadyExists" | "Aborted" = "Unknown",
  ) {
    super(codespace, code, message);
  }

  /** cosmos `errors.Wrap(err, context)`: "<context>: <message>". */
  override wrap(context: string): ModuleError {
    return new ModuleError(this.codespace, this.code, `${context}: ${this.message}`, this.grpcCode);
  }

  /** Go `fmt.Errorf("%w: <detail>", err)`: "<message>: <detail>", same code. */
  detail(detail: string): ModuleError {
    return new ModuleError(this.codespace, this.code, `${this.message}: ${detail}`, this.grpcCode);
  }
}

/** A gRPC `status.Error(code, description)` returned by a query handler. */
export class GrpcStatusError extends Error {
  constructor(
    readonly grpcCode: GrpcCode,
    readonly description: string,
  ) {
    super(description);
    this.name = "GrpcStatusError";
  }
}

/** An error that did not come from a registered error (Go's plain `errors.New`/`fmt.Errorf`). */
export function unregisteredError(message: string): ChainError {
  return new ChainError("undefined", 1, message);
}

/**
 * baseapp `gRPCErrorToSDKError`: a status error keeps its "rpc error: ..." text, a registered module
 * error is wrapped by the sdk error of its gRPC code with its own text.
 */
export function toQueryError(err: unknown): ChainError {
  if (err instanceof GrpcStatusError) return grpcError(err.grpcCode, err.description);
  if (!(err instanceof ModuleError)) return err instanceof ChainError ? err : sdkErrors.invalidRequest.wrap(String((err as Error)?.message ?? err));
  switch (err.grpcCode) {
    case "NotFound":
      return sdkErrors.keyNotFound.wrap(err.message);
    case "InvalidArgument":
    case "FailedPrecondition":
      return sdkErrors.invalidRequest.wrap(err.message);
    case "Unauthenticated":
      return sdkErrors.unauthorized.wrap(err.message);
    default:
      return sdkErrors.unknownRequest.wrap(err.message);
  }
}

/** `errors.RegisterWithGRPCCode` for one module's codespace. */
export function errorRegistry(codespace: string) {
  return (code: number, message: string, grpc: ModuleError["grpcCode"] = "Unknown") => new ModuleError(codespace, code, message, grpc);
}
