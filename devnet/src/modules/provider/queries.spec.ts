import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { createModule } from "./index";

describe("provider queries", () => {
  it("lists providers in address-byte order and pages them", () => {
    const chain = testChain([createModule()]);
    const owners = ["akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63", "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78"];
    for (const owner of owners) chain.deliver("/akash.provider.v1beta4.MsgCreateProvider", { owner, hostUri: "https://p.example.com", attributes: [] });
    const first = chain.query<{ providers: Array<{ owner: string }>; pagination: { nextKey: Uint8Array } }>("/akash.provider.v1beta4.Query/Providers", {
      pagination: { limit: 1 },
    });
    // all-zero address bytes sort first
    expect(first.providers.map((p) => p.owner)).to.deep.equal([owners[1]]);
    const second = chain.query<{ providers: Array<{ owner: string }> }>("/akash.provider.v1beta4.Query/Providers", { pagination: { key: first.pagination.nextKey } });
    expect(second.providers.map((p) => p.owner)).to.deep.equal([owners[0]]);
  });

  it("reports a bad or unknown owner like the node", () => {
    const chain = testChain([createModule()]);
    expect(() => chain.query("/akash.provider.v1beta4.Query/Provider", { owner: "nope" })).to.throw().that.deep.includes({ codespace: "sdk", code: 18 });
    expect(() => chain.query("/akash.provider.v1beta4.Query/Provider", { owner: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63" }))
      .to.throw()
      .that.deep.includes({ codespace: "sdk", code: 22 });
  });
});
