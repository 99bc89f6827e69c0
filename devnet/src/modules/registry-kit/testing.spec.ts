import { expect } from "chai";
import { createModule } from "../provider";
import { testChain } from "./testing";

describe("registry-kit testChain", () => {
  it("delivers messages on a branch that is dropped when the handler fails", () => {
    const chain = testChain([createModule()]);
    const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
    chain.fund(owner, [{ denom: "uakt", amount: "10" }]);
    expect(chain.ctx.bank.balance(owner, "uakt")).to.equal(10n);
    const msg = { owner, hostUri: "https://p.example.com", attributes: [] };
    chain.deliver("/akash.provider.v1beta4.MsgCreateProvider", msg);
    expect(() => chain.deliver("/akash.provider.v1beta4.MsgCreateProvider", msg)).to.throw(/already exists/);
    expect(chain.query<{ providers: unknown[] }>("/akash.provider.v1beta4.Query/Providers", {}).providers).to.have.length(1);
    chain.nextBlock();
    expect(chain.block.height).to.equal(2);
  });
});
