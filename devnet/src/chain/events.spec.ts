import { expect } from "chai";
import { EventSink, withAttribute } from "./events";

describe("chain/events", () => {
  it("writes typed events as cosmos EmitTypedEvent does: sorted keys, JSON values", () => {
    const sink = new EventSink();
    sink.emitTyped("akash.deployment.v1.EventDeploymentCreated", { id: { owner: "akash1x", dseq: 5n }, hash: "abc" });
    expect(sink.list).to.deep.equal([
      {
        type: "akash.deployment.v1.EventDeploymentCreated",
        attributes: [
          { key: "hash", value: '"abc"', index: true },
          { key: "id", value: '{"owner":"akash1x","dseq":"5"}', index: true },
        ],
      },
    ]);
    expect(withAttribute(sink.list, "msg_index", "0")[0].attributes.at(-1)).to.deep.equal({ key: "msg_index", value: "0", index: true });
  });
});
