import { expect } from "chai";
import { eventsForMessages, messageIndexOf, ownerOfMessage } from "./txEvents";

const ev = (type: string, index?: number) => ({
  type,
  attributes: index === undefined ? [{ key: "fee", value: "1uakt" }] : [{ key: "msg_index", value: String(index) }],
});

describe("txEvents", () => {
  it("keeps the events of a message range and drops tx-level events", () => {
    const events = [ev("tx"), ev("a", 0), ev("b", 1), ev("c", 2), ev("b2", 1)];
    expect(eventsForMessages(events, 1, 1).map((e) => e.type)).to.deep.equal(["b", "b2"]);
    expect(eventsForMessages(events, 0, 3).map((e) => e.type)).to.deep.equal(["a", "b", "c", "b2"]);
    expect(messageIndexOf(ev("tx"))).to.equal(undefined);
  });

  it("finds which caller owns a batch message", () => {
    expect(ownerOfMessage([2, 1, 3], 0)).to.equal(0);
    expect(ownerOfMessage([2, 1, 3], 2)).to.equal(1);
    expect(ownerOfMessage([2, 1, 3], 5)).to.equal(2);
    expect(ownerOfMessage([2, 1, 3], 6)).to.equal(undefined);
  });
});
