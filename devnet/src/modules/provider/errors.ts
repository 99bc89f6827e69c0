/** provider module errors (chain-sdk go/node/provider/v1beta4/errors.go; code 10 from node x/provider/handler). */
import { errorRegistry } from "../registry-kit/errors";

const register = errorRegistry("provider");

export const providerErrors = {
  invalidProviderUri: register(1, "invalid provider: invalid host uri", "InvalidArgument"),
  notAbsProviderUri: register(2, "invalid provider: not absolute host uri", "InvalidArgument"),
  providerNotFound: register(3, "invalid provider: address not found", "NotFound"),
  providerExists: register(4, "invalid provider: already exists", "AlreadyExists"),
  invalidAddress: register(5, "invalid address", "InvalidArgument"),
  invalidInfoWebsite: register(8, "invalid provider: invalid info website", "InvalidArgument"),
  /** The node's handler registers its own "internal error" under code 10 and uses it for MsgDeleteProvider. */
  handlerInternal: register(10, "internal error", "Unknown"),
} as const;

/** Attribute errors live in the shared `akash` codespace (chain-sdk go/node/types/attributes/v1). */
const akash = errorRegistry("akash");

export const attributeErrors = {
  duplicateKeys: akash(1, "attributes cannot have duplicate keys", "InvalidArgument"),
  invalidKey: akash(2, "attribute key does not match regexp", "InvalidArgument"),
} as const;
