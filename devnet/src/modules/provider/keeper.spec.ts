import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { createProviderKeeper } from "./keeper";

const a = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";

describe("provider keeper", () => {
  it("creates, reads, updates and emits typed events", () => {
    const { ctx, events } = testChain([]);
    const keeper = createProviderKeeper();
    expect(keeper.get(ctx, a)).to.equal(undefined);
    keeper.create(ctx, { owner: a, hostUri: "https://a", attributes: [{ key: "region", value: "x" }], info: { email: "", website: "" } });
    expect(keeper.get(ctx, a)).to.deep.equal({ owner: a, hostUri: "https://a", attributes: [{ key: "region", value: "x" }], info: { email: "", website: "" } });
    expect(() => keeper.create(ctx, { owner: a, hostUri: "https://a", attributes: [] })).to.throw().that.deep.includes({ codespace: "provider", code: 4 });
    keeper.update(ctx, { owner: a, hostUri: "https://b", attributes: [], info: { email: "e@x", website: "" } });
    expect(keeper.get(ctx, a)).to.deep.equal({ owner: a, hostUri: "https://b", attributes: [], info: { email: "e@x", website: "" } });
    expect(keeper.list(ctx)).to.have.length(1);
    expect(events.list.map((e) => e.type)).to.deep.equal(["akash.provider.v1beta4.EventProviderCreated", "akash.provider.v1beta4.EventProviderUpdated"]);
    expect(events.list[0]!.attributes).to.deep.include({ key: "owner", value: JSON.stringify(a), index: true });
  });

  it("refuses to update an unknown provider", () => {
    const { ctx } = testChain([]);
    expect(() => createProviderKeeper().update(ctx, { owner: a, hostUri: "https://a", attributes: [] })).to.throw().that.deep.includes({ codespace: "provider", code: 3 });
  });
});
