import { ChainError } from "../../chain/types";

/** x/deployment registered errors (chain-sdk go/node/deployment/v1/errors.go), codespace "deployment". */
const e = (code: number, message: string) => () => new ChainError("deployment", code, message);

export const deploymentErrors = {
  deploymentExists: e(3, "Deployment exists"),
  deploymentNotFound: e(4, "Deployment not found"),
  deploymentClosed: e(5, "Deployment closed"),
  invalidGroups: e(7, "Invalid groups"),
  emptyHash: e(9, "Invalid: empty hash"),
  invalidHash: e(10, "Invalid: deployment hash"),
  groupNotFound: e(14, "Group not found"),
  groupClosed: e(15, "Group already closed"),
  groupOpen: e(16, "Group open"),
  groupPaused: e(17, "Group paused"),
  invalidDeposit: e(20, "Deposit invalid"),
  invalidEscrowId: e(23, "invalid escrow id"),
  invalidPrice: e(24, "invalid price"),
  duplicateGroupName: e(25, "duplicate group name"),
};
