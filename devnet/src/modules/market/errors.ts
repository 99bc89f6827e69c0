import { ChainError } from "../../chain/types";

/** x/market registered errors (chain-sdk go/node/market/v1/errors.go), codespace "market". */
const e = (code: number, message: string) => () => new ChainError("market", code, message);

export const marketErrors = {
  emptyProvider: e(1, "empty provider"),
  sameAccount: e(2, "owner and provider are the same account"),
  attributeMismatch: e(5, "attribute mismatch"),
  unknownBid: e(6, "unknown bid"),
  unknownLease: e(7, "unknown lease"),
  unknownLeaseForBid: e(8, "unknown lease for bid"),
  unknownOrderForBid: e(9, "unknown order for bid"),
  leaseNotActive: e(10, "lease not active"),
  bidNotActive: e(11, "bid not active"),
  bidNotOpen: e(12, "bid not open"),
  orderNotOpen: e(13, "bid: order not open"),
  orderNotFound: e(15, "invalid order: order not found"),
  groupNotFound: e(16, "group not found"),
  groupNotOpen: e(17, "group not open"),
  bidNotFound: e(18, "invalid bid: bid not found"),
  bidZeroPrice: e(19, "invalid bid: zero price"),
  leaseNotFound: e(20, "invalid lease: lease not found"),
  bidExists: e(21, "invalid bid: bid exists from provider"),
  bidInvalidPrice: e(22, "bid price is invalid"),
  orderActive: e(23, "order active"),
  orderClosed: e(24, "order closed"),
  orderExists: e(25, "order already exists in store"),
  invalidDeposit: e(28, "deposit invalid"),
  unknownProvider: e(30, "unknown provider"),
  invalidBid: e(31, "invalid bid"),
  capabilitiesMismatch: e(32, "capabilities mismatch"),
  invalidLeaseClosedReason: e(33, "invalid lease closed reason"),
};
