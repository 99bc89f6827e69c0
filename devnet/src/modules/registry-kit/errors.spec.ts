import { expect } from "chai";
import { ChainError } from "../../chain/types";
import { GrpcStatusError, ModuleError, toQueryError, unregisteredError } from "./errors";

describe("registry-kit errors", () => {
  const notFound = new ModuleError("provider", 3, "invalid provider: address not found", "NotFound");

  it("wraps like cosmos errors.Wrap and fmt %w", () => {
    expect(notFound.wrap("id: x")).to.deep.include({ codespace: "provider", code: 3, message: "id: x: invalid provider: address not found" });
    expect(notFound.detail("more")).to.deep.include({ message: "invalid provider: address not found: more" });
    expect(notFound.wrap("a")).to.be.instanceOf(ChainError);
    expect(unregisteredError("x509: malformed certificate")).to.deep.include({ codespace: "undefined", code: 1 });
  });

  it("converts query failures the way baseapp does", () => {
    expect(toQueryError(notFound)).to.deep.include({ codespace: "sdk", code: 22, message: "invalid provider: address not found: key not found" });
    expect(toQueryError(new ModuleError("audit", 2, "invalid address", "InvalidArgument"))).to.deep.include({ codespace: "sdk", code: 18 });
    expect(toQueryError(new ModuleError("authz", 2, "authorization not found"))).to.deep.include({ codespace: "sdk", code: 6 });
    const status = toQueryError(new GrpcStatusError("InvalidArgument", "invalid state value"));
    expect(status).to.deep.include({ codespace: "sdk", code: 18 });
    expect(status.message).to.equal("rpc error: code = InvalidArgument desc = invalid state value: invalid request");
    expect(toQueryError(new Error("bech32 failed"))).to.deep.include({ codespace: "sdk", code: 18 });
  });
});
