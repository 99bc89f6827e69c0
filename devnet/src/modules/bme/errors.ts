/** bme module errors the devnet raises (codes from chain-sdk go/node/bme/v1/errors.go). */
import { errorRegistry } from "../registry-kit/errors";

const register = errorRegistry("bme");

export const bmeErrors = {
  unauthorized: register(3, "unauthorized", "Unauthenticated"),
  oracleUnhealthy: register(5, "oracle is unhealthy", "Aborted"),
  circuitBreakerActive: register(6, "circuit breaker is active", "Aborted"),
  invalidAmount: register(8, "invalid amount", "InvalidArgument"),
  invalidDenom: register(9, "invalid denomination", "InvalidArgument"),
  zeroPrice: register(12, "oracle price is zero", "Internal"),
  epsilon: register(16, "result value is less then precision of the denom", "Aborted"),
  minimumMint: register(17, "minimum mint amount is not met", "Aborted"),
} as const;
