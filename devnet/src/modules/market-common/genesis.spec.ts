import { expect } from "chai";
import { marketplace } from "./fixtures";

describe("market-common/genesis", () => {
  it("applies module params from genesis in snake or camel case", () => {
    const { ctx } = marketplace({ deployment: { params: { min_deposits: [{ denom: "uact", amount: "7" }] } }, market: { params: { orderMaxBids: 3 } } });
    const d = ctx.query<{ params: { minDeposits: unknown } }>("/akash.deployment.v1beta4.Query/Params", {});
    expect(d.params.minDeposits).to.deep.equal([{ denom: "uact", amount: "7" }]);
    const m = ctx.query<{ params: { orderMaxBids: number } }>("/akash.market.v1beta5.Query/Params", {});
    expect(m.params.orderMaxBids).to.equal(3);
  });

  it("names the bad key and shows an example", () => {
    expect(() => marketplace({ deployment: { params: { min_deposits: [{ denom: "uact", amount: "-1" }] } } })).to.throw(/genesis\.deployment\.params\.min_deposits\.0\.amount.*expected e\.g\./);
    expect(() => marketplace({ deployment: { params: { min_deposits: [{ denom: "uakt", amount: "1" }] } } })).to.throw(/must include uact/);
  });
});
