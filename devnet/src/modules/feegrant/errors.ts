/** x/feegrant errors (cosmos-sdk x/feegrant/errors.go). */
import { errorRegistry } from "../registry-kit/errors";

const register = errorRegistry("feegrant");

export const feegrantErrors = {
  feeLimitExceeded: register(2, "fee limit exceeded"),
  feeLimitExpired: register(3, "fee allowance expired"),
  invalidDuration: register(4, "invalid duration"),
} as const;
