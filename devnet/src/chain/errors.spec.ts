import { expect } from "chai";
import { grpcError, toChainError } from "./errors";
import { ChainError } from "./types";

describe("chain/errors", () => {
  it("maps gRPC status errors the way baseapp does for abci_query", () => {
    const err = grpcError("NotFound", "account akash1x not found");
    expect([err.codespace, err.code, err.message]).to.deep.equal(["sdk", 22, "rpc error: code = NotFound desc = account akash1x not found: key not found"]);
    expect(grpcError("InvalidArgument", "bad").code).to.equal(18);
  });

  it("turns unexpected exceptions into sdk panic errors", () => {
    const err = toChainError(new TypeError("boom"));
    expect([err.code, err.message]).to.deep.equal([111222, "boom: panic"]);
    const known = new ChainError("deployment", 3, "Deployment exists");
    expect(toChainError(known)).to.equal(known);
  });
});
