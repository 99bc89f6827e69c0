import { expect } from "chai";
import { QueryParamsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { defaultBmeParams } from "./params";
import { QueryParamsResponseV21 } from "./params-codec";

describe("bme v2.1 QueryParamsResponse codec", () => {
  it("round-trips min_mint and max_pending_attempts", () => {
    const bytes = QueryParamsResponseV21.encode({ params: defaultBmeParams }).finish();
    expect(QueryParamsResponseV21.decode(bytes)).to.deep.equal({ params: defaultBmeParams });
  });

  it("stays readable by the alpha.25 codec, which skips the new fields", () => {
    const bytes = QueryParamsResponseV21.encode({ params: { ...defaultBmeParams, minEpochBlocks: 7 } }).finish();
    const old = QueryParamsResponse.decode(bytes).params!;
    expect(old).to.deep.include({ mintSpreadBps: 25, circuitBreakerWarnThreshold: 9500 });
    expect(old.minEpochBlocks.toString()).to.equal("7");
  });

  it("renders proto-JSON for the REST gateway", () => {
    expect(QueryParamsResponseV21.toJSON({ params: defaultBmeParams }).params).to.deep.include({ minEpochBlocks: "10", minMint: [{ denom: "uact", amount: "10000000" }] });
  });
});
