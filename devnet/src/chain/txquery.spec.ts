import { expect } from "chai";
import type { IndexedTx } from "./node";
import { matchesQuery, parseQuery } from "./txquery";

const tx: IndexedTx = {
  hash: "ABCDEF",
  height: 12,
  index: 0,
  tx: "",
  result: {
    code: 0,
    codespace: "",
    log: "",
    gasWanted: 1,
    gasUsed: 1,
    events: [{ type: "message", attributes: [{ key: "sender", value: "akash1xyz", index: true }] }],
  },
};

describe("chain/txquery", () => {
  it("parses CometBFT conditions joined by AND", () => {
    expect(parseQuery("tx.height=5 AND message.sender='akash1x'")).to.deep.equal([
      { key: "tx.height", op: "=", value: 5 },
      { key: "message.sender", op: "=", value: "akash1x" },
    ]);
    expect(() => parseQuery("tx.height==")).to.throw(/failed to parse query/);
  });

  it("matches hash (case-insensitive), height ranges and event attributes", () => {
    expect(matchesQuery(parseQuery("tx.hash='abcdef'"), tx)).to.equal(true);
    expect(matchesQuery(parseQuery("tx.height>=12 AND tx.height<13"), tx)).to.equal(true);
    expect(matchesQuery(parseQuery("message.sender='akash1xyz'"), tx)).to.equal(true);
    expect(matchesQuery(parseQuery("message.sender CONTAINS 'xy'"), tx)).to.equal(true);
    expect(matchesQuery(parseQuery("message.sender='akash1other'"), tx)).to.equal(false);
    expect(matchesQuery(parseQuery("transfer.recipient EXISTS"), tx)).to.equal(false);
  });
});
