import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { encodeDepositGrant } from "./authorizations";
import { createModule } from "./index";

const granter = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const grantee = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";

describe("authz messages", () => {
  it("grants, emits EventGrant, and revokes with EventRevoke", () => {
    const chain = testChain([createModule()]);
    const authorization = encodeDepositGrant({ scopes: ["deployment"], spendLimits: [{ denom: "uact", amount: "9" }] });
    chain.deliver("/cosmos.authz.v1beta1.MsgGrant", { granter, grantee, grant: { authorization } });
    expect(() => chain.deliver("/cosmos.authz.v1beta1.MsgRevoke", { granter, grantee, msgTypeUrl: "" })).to.throw("missing msg method name: invalid request");
    chain.deliver("/cosmos.authz.v1beta1.MsgRevoke", { granter, grantee, msgTypeUrl: "/akash.escrow.v1.MsgAccountDeposit" });
    expect(chain.events.list.map((e) => e.type)).to.deep.equal(["cosmos.authz.v1beta1.EventGrant", "cosmos.authz.v1beta1.EventRevoke"]);
  });

  it("checks the parties", () => {
    const module = createModule();
    const chain = testChain([module]);
    const authorization = encodeDepositGrant({ scopes: ["deployment"], spendLimits: [] });
    expect(() => chain.deliver("/cosmos.authz.v1beta1.MsgGrant", { granter, grantee: granter, grant: { authorization } })).to.throw().that.deep.includes({ codespace: "authz", code: 7 });
    expect(() => chain.deliver("/cosmos.authz.v1beta1.MsgGrant", { granter, grantee: "x", grant: { authorization } })).to.throw(/invalid grantee address/);
    expect(() => chain.deliver("/cosmos.authz.v1beta1.MsgGrant", { granter, grantee, grant: {} })).to.throw().that.deep.includes({ codespace: "sdk", code: 29 });
    expect(module.msgs[0]!.signers({ granter, grantee })).to.deep.equal([granter]);
  });
});
