import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { createAuditKeeper } from "./keeper";

const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const auditorA = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";

describe("audit keeper", () => {
  it("sorts signed attributes by key and merges later signatures", () => {
    const { ctx, events } = testChain([]);
    const keeper = createAuditKeeper();
    keeper.sign(ctx, owner, auditorA, [{ key: "tier", value: "1" }, { key: "region", value: "eu" }]);
    keeper.sign(ctx, owner, auditorA, [{ key: "tier", value: "2" }, { key: "gpu", value: "true" }]);
    expect(keeper.get(ctx, owner, auditorA)!.attributes).to.deep.equal([
      { key: "gpu", value: "true" },
      { key: "region", value: "eu" },
      { key: "tier", value: "2" },
    ]);
    expect(keeper.attributes(ctx, owner)).to.deep.equal([{ auditor: auditorA, attributes: keeper.get(ctx, owner, auditorA)!.attributes }]);
    expect(events.list.map((e) => e.type)).to.deep.equal(["akash.audit.v1.EventTrustedAuditorCreated", "akash.audit.v1.EventTrustedAuditorCreated"]);
  });

  it("removes keys, then the record once empty; unknown keys and records fail", () => {
    const { ctx } = testChain([]);
    const keeper = createAuditKeeper();
    expect(() => keeper.remove(ctx, owner, auditorA, [])).to.throw().that.deep.includes({ codespace: "audit", code: 1 });
    keeper.sign(ctx, owner, auditorA, [{ key: "a1", value: "x" }, { key: "b1", value: "y" }]);
    expect(() => keeper.remove(ctx, owner, auditorA, ["zz"])).to.throw(`trying to delete non-existing attribute "zz" for auditor/provider "${auditorA}/${owner}": attribute not found`);
    keeper.remove(ctx, owner, auditorA, ["a1"]);
    expect(keeper.get(ctx, owner, auditorA)!.attributes).to.deep.equal([{ key: "b1", value: "y" }]);
    keeper.remove(ctx, owner, auditorA, ["b1"]);
    expect(keeper.get(ctx, owner, auditorA)).to.equal(undefined);
    expect(keeper.list(ctx)).to.have.length(0);
  });
});
