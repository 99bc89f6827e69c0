import { expect } from "chai";
import { validateBurnRequest } from "./msgs";
import { failureOf } from "../registry-kit/testing";

const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const other = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";

const check = (msg: Parameters<typeof validateBurnRequest>[0]) => failureOf(() => validateBurnRequest(msg));

describe("bme message validation", () => {
  it("accepts a positive burn to the owner", () => {
    expect(check({ owner, to: owner, coinsToBurn: { denom: "uakt", amount: "1" } })).to.equal("ok");
  });

  it("answers like MsgMintACT.ValidateBasic", () => {
    expect(check({ owner: "", to: owner, coinsToBurn: { denom: "uakt", amount: "1" } })).to.equal(
      "sdk/7: invalid owner address: empty address string is not allowed: invalid address",
    );
    expect(check({ owner, to: other, coinsToBurn: { denom: "uakt", amount: "1" } })).to.equal("bme/3: owner and to addresses must match: unauthorized");
    expect(check({ owner, to: owner, coinsToBurn: { denom: "u", amount: "1" } })).to.equal("sdk/10: invalid coins: invalid denom: u: invalid coins");
    expect(check({ owner, to: owner, coinsToBurn: { denom: "uakt", amount: "-1" } })).to.match(/^sdk\/10: invalid coins: negative coin amount/);
    expect(check({ owner, to: owner, coinsToBurn: { denom: "uakt", amount: "0" } })).to.equal("bme/8: amount must not be 0: invalid amount");
    expect(check({ owner, to: owner })).to.equal("sdk/10: invalid coins: invalid denom: : invalid coins");
  });
});
