/** cert module errors (chain-sdk go/node/cert/v1/errors.go). */
import { errorRegistry } from "../registry-kit/errors";

const register = errorRegistry("cert");

export const certErrors = {
  certificateNotFound: register(1, "certificate not found", "NotFound"),
  certificateExists: register(3, "certificate exists", "AlreadyExists"),
  certificateAlreadyRevoked: register(4, "certificate already revoked", "FailedPrecondition"),
  invalidSerialNumber: register(5, "invalid serial number", "InvalidArgument"),
  invalidCertificateValue: register(6, "invalid certificate value", "InvalidArgument"),
  invalidPubkeyValue: register(7, "invalid pubkey value", "InvalidArgument"),
} as const;
