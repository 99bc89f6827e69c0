import { expect } from "chai";
import { addCoins, coinsValid, subCoins } from "./coins";

describe("registry-kit coins", () => {
  it("validates like sdk.Coins.IsValid", () => {
    expect(coinsValid([{ denom: "uact", amount: "1" }, { denom: "uakt", amount: "2" }])).to.equal(true);
    expect(coinsValid([{ denom: "uakt", amount: "1" }, { denom: "uact", amount: "2" }])).to.equal(false);
    expect(coinsValid([{ denom: "uakt", amount: "0" }])).to.equal(false);
    expect(coinsValid([{ denom: "u", amount: "1" }])).to.equal(false);
  });

  it("adds and safely subtracts", () => {
    expect(addCoins([{ denom: "uakt", amount: "1" }], [{ denom: "uact", amount: "2" }])).to.deep.equal([
      { denom: "uact", amount: "2" },
      { denom: "uakt", amount: "1" },
    ]);
    expect(subCoins([{ denom: "uakt", amount: "5" }], [{ denom: "uakt", amount: "5" }])).to.deep.equal([]);
    expect(subCoins([{ denom: "uakt", amount: "5" }], [{ denom: "uakt", amount: "6" }])).to.equal(undefined);
    expect(subCoins([{ denom: "uakt", amount: "5" }], [{ denom: "uact", amount: "1" }])).to.equal(undefined);
  });
});
