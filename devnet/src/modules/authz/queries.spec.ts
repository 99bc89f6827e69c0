import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { encodeDepositGrant } from "./authorizations";
import { createModule } from "./index";

const a = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const b = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";
type Grants = { grants: Array<{ granter?: string; grantee?: string; authorization?: { typeUrl: string } }> };

describe("authz queries", () => {
  const chain = testChain([createModule()]);
  before(() => {
    const authorization = encodeDepositGrant({ scopes: ["deployment"], spendLimits: [{ denom: "uact", amount: "1" }] });
    chain.deliver("/cosmos.authz.v1beta1.MsgGrant", { granter: a, grantee: b, grant: { authorization } });
    chain.deliver("/cosmos.authz.v1beta1.MsgGrant", { granter: b, grantee: a, grant: { authorization } });
  });

  it("finds grants by pair, granter and grantee", () => {
    expect(chain.query<Grants>("/cosmos.authz.v1beta1.Query/Grants", { granter: a, grantee: b }).grants).to.have.length(1);
    expect(chain.query<Grants>("/cosmos.authz.v1beta1.Query/GranterGrants", { granter: a }).grants.map((g) => g.grantee)).to.deep.equal([b]);
    expect(chain.query<Grants>("/cosmos.authz.v1beta1.Query/GranteeGrants", { grantee: a }).grants.map((g) => g.granter)).to.deep.equal([b]);
  });

  it("reports a missing grant and bad addresses like the node", () => {
    expect(() => chain.query("/cosmos.authz.v1beta1.Query/Grants", { granter: a, grantee: b, msgTypeUrl: "/x.Msg" }))
      .to.throw("authorization not found for /x.Msg type: authorization not found: unknown request")
      .that.deep.includes({ codespace: "sdk", code: 6 });
    expect(() => chain.query("/cosmos.authz.v1beta1.Query/Grants", { granter: "x", grantee: b })).to.throw().that.deep.includes({ codespace: "sdk", code: 18 });
  });
});
