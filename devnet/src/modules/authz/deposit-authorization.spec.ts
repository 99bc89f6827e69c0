import { expect } from "chai";
import { DepositAuthorization as Generated } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { DepositAuthorization, DepositAuthorization_Scope } from "./deposit-authorization";

describe("v2.1 DepositAuthorization codec", () => {
  it("round-trips spend_limits (field 3) next to the generated fields", () => {
    const message = {
      spendLimit: { denom: "uakt", amount: "0" },
      scopes: [DepositAuthorization_Scope.deployment, DepositAuthorization_Scope.bid],
      spendLimits: [{ denom: "uact", amount: "5" }, { denom: "uakt", amount: "7" }],
    };
    const bytes = DepositAuthorization.encode(message).finish();
    expect(DepositAuthorization.decode(bytes)).to.deep.equal(message);
    // the generated alpha.25 codec still reads fields 1 and 2 and skips field 3
    expect(Generated.decode(bytes).scopes).to.deep.equal(message.scopes);
    expect(DepositAuthorization.typeUrl).to.equal("/akash.escrow.v1.DepositAuthorization");
  });
});
