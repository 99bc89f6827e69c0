import { expect } from "chai";
import { assertAddress, isAccountAddress, moduleAddress } from "./address";

describe("chain/address", () => {
  it("derives module account addresses as x/auth does", () => {
    expect(moduleAddress("escrow")).to.equal("akash14pphss726thpwws3yc458hggufynm9x77l4l2u");
  });

  it("validates akash bech32 account addresses (sdk code 7)", () => {
    expect(isAccountAddress(moduleAddress("bme"))).to.equal(true);
    expect(isAccountAddress("cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a")).to.equal(false);
    expect(() => assertAddress("", "from")).to.throw("invalid from address: empty address string is not allowed: invalid address");
  });
});
