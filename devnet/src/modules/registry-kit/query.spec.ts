import { expect } from "chai";
import { QueryProviderRequest, QueryProviderResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { Context, QueryHandler } from "../../chain/types";
import { ModuleError } from "./errors";
import { grpcQueries, grpcQuery } from "./query";

describe("registry-kit grpcQuery", () => {
  const failing: QueryHandler<QueryProviderRequest, QueryProviderResponse> = {
    path: "/x.Query/Y",
    request: QueryProviderRequest,
    response: QueryProviderResponse,
    handle: () => {
      throw new ModuleError("provider", 3, "invalid provider: address not found", "NotFound");
    },
  };

  it("turns a module error into the sdk query error and keeps the rest of the handler", () => {
    const wrapped = grpcQuery(failing);
    expect(wrapped.path).to.equal("/x.Query/Y");
    expect(() => wrapped.handle({} as Context, { owner: "" })).to.throw().that.deep.includes({ codespace: "sdk", code: 22 });
    expect(grpcQueries(failing, failing)).to.have.length(2);
  });
});
