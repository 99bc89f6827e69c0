import { expect } from "chai";
import { failureOf, testChain } from "../registry-kit/testing";
import { encodeAllowance } from "./allowance";
import { createModule } from "./index";

const granter = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const grantee = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";
const grantUrl = "/cosmos.feegrant.v1beta1.MsgGrantAllowance";
const revokeUrl = "/cosmos.feegrant.v1beta1.MsgRevokeAllowance";

describe("feegrant messages", () => {
  it("grants once, refuses duplicates and self grants, revokes", () => {
    const chain = testChain([createModule()]);
    const allowance = encodeAllowance({ spendLimit: [{ denom: "uakt", amount: "5" }] });
    chain.deliver(grantUrl, { granter, grantee, allowance });
    expect(failureOf(() => chain.deliver(grantUrl, { granter, grantee, allowance }))).to.equal("sdk/18: fee allowance already exists: invalid request");
    expect(failureOf(() => chain.deliver(grantUrl, { granter, grantee: granter, allowance }))).to.equal("sdk/7: cannot self-grant fee authorization: invalid address");
    const past = encodeAllowance({ spendLimit: [], expiration: { seconds: 1n, nanos: 0 } });
    expect(failureOf(() => chain.deliver(grantUrl, { granter: grantee, grantee: granter, allowance: past }))).to.match(/^sdk\/18: expiration is before current block time/);
    chain.deliver(revokeUrl, { granter, grantee });
    expect(failureOf(() => chain.deliver(revokeUrl, { granter, grantee }))).to.equal("sdk/38: fee-grant not found: not found");
  });
});
