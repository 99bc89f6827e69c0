/** audit module errors (chain-sdk go/node/audit/v1/errors.go). */
import { errorRegistry } from "../registry-kit/errors";

const register = errorRegistry("audit");

export const auditErrors = {
  providerNotFound: register(1, "invalid provider: address not found", "NotFound"),
  invalidAddress: register(2, "invalid address", "InvalidArgument"),
  attributeNotFound: register(3, "attribute not found", "NotFound"),
} as const;
