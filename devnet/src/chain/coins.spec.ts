import { expect } from "chai";
import { formatCoins, normalizeCoins, parseCoins, validateCoins } from "./coins";

describe("chain/coins", () => {
  it("parses, sorts and sums coin strings", () => {
    expect(parseCoins("5uakt, 3uact,2uakt")).to.deep.equal([
      { denom: "uact", amount: "3" },
      { denom: "uakt", amount: "7" },
    ]);
    expect(() => parseCoins("5")).to.throw(/expected <amount><denom>/);
    expect(formatCoins(normalizeCoins([{ denom: "uakt", amount: "0" }]))).to.equal("");
  });

  it("validates message amounts like sdk.Coins.Validate (sdk code 10)", () => {
    expect(() => validateCoins([{ denom: "uakt", amount: "1" }])).to.not.throw();
    expect(() => validateCoins([])).to.throw(": invalid coins");
    expect(() => validateCoins([{ denom: "uakt", amount: "0" }])).to.throw("0uakt: invalid coins");
    expect(() => validateCoins([{ denom: "uakt", amount: "1" }, { denom: "uact", amount: "1" }])).to.throw(/invalid coins$/);
  });
});
