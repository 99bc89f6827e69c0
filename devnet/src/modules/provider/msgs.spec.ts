import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { createModule } from "./index";

const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const create = "/akash.provider.v1beta4.MsgCreateProvider";

describe("provider messages", () => {
  it("wraps duplicate and missing providers with the owner like the node", () => {
    const chain = testChain([createModule()]);
    chain.deliver(create, { owner, hostUri: "https://p.example.com", attributes: [] });
    expect(() => chain.deliver(create, { owner, hostUri: "https://p.example.com", attributes: [] })).to.throw(`id: ${owner}: invalid provider: already exists`);
    const other = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";
    expect(() => chain.deliver("/akash.provider.v1beta4.MsgUpdateProvider", { owner: other, hostUri: "https://p.example.com", attributes: [] })).to.throw(
      `id: ${other}: invalid provider: address not found`,
    );
  });

  it("answers MsgDeleteProvider with the node's NOTIMPLEMENTED internal error", () => {
    const chain = testChain([createModule()]);
    chain.deliver(create, { owner, hostUri: "https://p.example.com", attributes: [] });
    expect(() => chain.deliver("/akash.provider.v1beta4.MsgDeleteProvider", { owner })).to.throw().that.deep.includes({
      codespace: "provider",
      code: 10,
      message: "NOTIMPLEMENTED: internal error",
    });
  });

  it("signs with the owner", () => {
    const [handler] = createModule().msgs;
    expect(handler!.signers({ owner })).to.deep.equal([owner]);
  });
});
