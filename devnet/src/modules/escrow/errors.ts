import { ChainError } from "../../chain/types";

/** x/escrow registered errors (chain-sdk go/node/escrow/module/error.go), codespace "escrow". */
const e = (code: number, message: string) => () => new ChainError("escrow", code, message);

export const escrowErrors = {
  accountExists: e(1, "account exists"),
  accountClosed: e(2, "account closed"),
  accountNotFound: e(3, "account not found"),
  accountOverdrawn: e(4, "account overdrawn"),
  invalidDenomination: e(5, "invalid denomination"),
  paymentExists: e(6, "payment exists"),
  paymentClosed: e(7, "payment closed"),
  paymentNotFound: e(8, "payment not found"),
  paymentRateZero: e(9, "payment rate zero"),
  invalidID: e(12, "invalid ID"),
  unauthorizedDepositScope: e(15, "unauthorized deposit scope"),
  invalidDeposit: e(16, "invalid deposit"),
};
