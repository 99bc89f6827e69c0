import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { encodeDepositGrant } from "./authorizations";
import { createAuthzKeeper } from "./keeper";

const granter = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const grantee = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";
const depositUrl = "/akash.escrow.v1.MsgAccountDeposit";

describe("authz keeper", () => {
  it("spends and refunds deposit grants for escrow", () => {
    const { ctx } = testChain([]);
    const keeper = createAuthzKeeper();
    keeper.save(ctx, { granter, grantee, msgTypeUrl: depositUrl, authorization: encodeDepositGrant({ scopes: ["deployment"], spendLimits: [{ denom: "uact", amount: "100" }] }) });
    expect(keeper.depositGrants(ctx, grantee)).to.deep.equal([{ granter, scopes: ["deployment"], spendLimits: [{ denom: "uact", amount: "100" }] }]);
    keeper.spendGrant(ctx, granter, grantee, { denom: "uact", amount: "100" });
    // used up, but kept (the node ignores Delete so refunds can restore it)
    expect(keeper.depositGrants(ctx, grantee)).to.deep.equal([{ granter, scopes: ["deployment"], spendLimits: [] }]);
    expect(() => keeper.spendGrant(ctx, granter, grantee, { denom: "uact", amount: "1" })).to.throw().that.deep.includes({ codespace: "sdk", code: 5 });
    keeper.refundGrant(ctx, granter, grantee, { denom: "uact", amount: "40" });
    expect(keeper.depositGrants(ctx, grantee)[0]!.spendLimits).to.deep.equal([{ denom: "uact", amount: "40" }]);
    keeper.revoke(ctx, granter, grantee, depositUrl);
    keeper.refundGrant(ctx, granter, grantee, { denom: "uact", amount: "40" });
    expect(keeper.depositGrants(ctx, grantee)).to.deep.equal([]);
  });

  it("ignores expired grants and prunes them", () => {
    const chain = testChain([]);
    const keeper = createAuthzKeeper();
    const soon = { seconds: BigInt(Math.floor(chain.block.time.getTime() / 1000) + 3), nanos: 0 };
    expect(() =>
      keeper.save(chain.ctx, { granter, grantee, msgTypeUrl: depositUrl, authorization: encodeDepositGrant({ scopes: ["bid"], spendLimits: [] }), expiration: { seconds: 1n, nanos: 0 } }),
    ).to.throw().that.deep.includes({ codespace: "authz", code: 3 });
    keeper.save(chain.ctx, { granter, grantee, msgTypeUrl: depositUrl, authorization: encodeDepositGrant({ scopes: ["bid"], spendLimits: [] }), expiration: soon });
    expect(keeper.depositGrants(chain.ctx, grantee)).to.have.length(1);
    chain.nextBlock();
    expect(keeper.depositGrants(chain.ctx, grantee)).to.have.length(0);
    expect(keeper.grants(chain.ctx)).to.have.length(1);
    keeper.pruneExpired(chain.ctx);
    expect(keeper.grants(chain.ctx)).to.have.length(0);
  });
});
