/** x/authz errors (cosmos-sdk x/authz/errors.go) and the escrow authz-scope error DepositAuthorization uses. */
import { errorRegistry } from "../registry-kit/errors";

const authz = errorRegistry("authz");

export const authzErrors = {
  noAuthorizationFound: authz(2, "authorization not found"),
  invalidExpirationTime: authz(3, "expiration time of authorization should be more than current time"),
  granteeIsGranter: authz(7, "grantee and granter should be different"),
} as const;

/** chain-sdk go/node/escrow/module errors used by DepositAuthorization.ValidateBasic. */
export const escrowAuthzErrors = {
  invalidAuthzScope: errorRegistry("escrow")(17, "invalid authz scope", "InvalidArgument"),
} as const;
