import { expect } from "chai";
import { testChain } from "../registry-kit/testing";
import { createModule } from "./index";

const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const auditor = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";

describe("audit messages", () => {
  it("is signed by the auditor and checks both addresses", () => {
    const module = createModule();
    const chain = testChain([module]);
    const sign = module.msgs.find((m) => m.typeUrl === "/akash.audit.v1.MsgSignProviderAttributes")!;
    expect(sign.signers({ owner, auditor, attributes: [] })).to.deep.equal([auditor]);
    expect(() => chain.deliver(sign.typeUrl, { owner: "x", auditor, attributes: [] })).to.throw("MsgCreate: Invalid Owner Address: invalid address");
    expect(() => chain.deliver(sign.typeUrl, { owner, auditor: "x", attributes: [] })).to.throw("MsgCreate: Invalid Auditor Address: invalid address");
    // like the node, the provider need not be registered
    chain.deliver(sign.typeUrl, { owner, auditor, attributes: [{ key: "k1", value: "v" }] });
    chain.deliver("/akash.audit.v1.MsgDeleteProviderAttributes", { owner, auditor, keys: ["k1"] });
    expect(module.keeper).to.have.property("attributes");
  });
});
