import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { encodeAllowance } from "./allowance";
import { createModule } from "./index";

const a = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const b = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";
type Allowances = { allowances: Array<{ granter: string; grantee: string }> };

describe("feegrant queries", () => {
  const chain = testChain([createModule()]);
  before(() => chain.deliver("/cosmos.feegrant.v1beta1.MsgGrantAllowance", { granter: a, grantee: b, allowance: encodeAllowance({ spendLimit: [] }) }));

  it("finds an allowance by pair, grantee and granter", () => {
    expect(chain.query<{ allowance: { granter: string } }>("/cosmos.feegrant.v1beta1.Query/Allowance", { granter: a, grantee: b }).allowance.granter).to.equal(a);
    expect(chain.query<Allowances>("/cosmos.feegrant.v1beta1.Query/Allowances", { grantee: b }).allowances.map((g) => g.granter)).to.deep.equal([a]);
    expect(chain.query<Allowances>("/cosmos.feegrant.v1beta1.Query/AllowancesByGranter", { granter: a }).allowances.map((g) => g.grantee)).to.deep.equal([b]);
    expect(chain.query<Allowances>("/cosmos.feegrant.v1beta1.Query/AllowancesByGranter", { granter: b }).allowances).to.have.length(0);
  });

  it("reports a missing allowance like the node", () => {
    expect(() => chain.query("/cosmos.feegrant.v1beta1.Query/Allowance", { granter: b, grantee: a })).to.throw().that.deep.includes({ codespace: "sdk", code: 6 });
  });
});
