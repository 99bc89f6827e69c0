import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { decodeAllowance, encodeAllowance } from "./allowance";
import { createFeegrantKeeper } from "./keeper";

const granter = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const grantee = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";

describe("feegrant keeper", () => {
  it("charges fees to the allowance, removing it when used up", () => {
    const { ctx, events } = testChain([]);
    const keeper = createFeegrantKeeper();
    keeper.grant(ctx, { granter, grantee, allowance: encodeAllowance({ spendLimit: [{ denom: "uakt", amount: "10" }] }) });
    keeper.useGrantedFees(ctx, granter, grantee, [{ denom: "uakt", amount: "4" }]);
    expect(decodeAllowance(keeper.get(ctx, granter, grantee)!.allowance).spendLimit).to.deep.equal([{ denom: "uakt", amount: "6" }]);
    keeper.useGrantedFees(ctx, granter, grantee, [{ denom: "uakt", amount: "6" }]);
    expect(keeper.get(ctx, granter, grantee)).to.equal(undefined);
    expect(() => keeper.useGrantedFees(ctx, granter, grantee, [])).to.throw("fee-grant not found: not found");
    expect(events.list.map((e) => e.type)).to.deep.equal(["set_feegrant", "use_feegrant", "update_feegrant", "revoke_feegrant", "use_feegrant"]);
  });

  it("prunes expired allowances", () => {
    const chain = testChain([]);
    const keeper = createFeegrantKeeper();
    const expiration = { seconds: BigInt(Math.floor(chain.block.time.getTime() / 1000) + 1), nanos: 0 };
    keeper.grant(chain.ctx, { granter, grantee, allowance: encodeAllowance({ spendLimit: [], expiration }) });
    keeper.pruneExpired(chain.ctx);
    expect(keeper.list(chain.ctx)).to.have.length(1);
    chain.nextBlock();
    keeper.pruneExpired(chain.ctx);
    expect(keeper.list(chain.ctx)).to.have.length(0);
  });
});
