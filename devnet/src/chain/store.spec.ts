import { expect } from "chai";
import { GasMeter, OutOfGas, kvGas } from "./gas";
import { BranchStore, SortedStore, jsonStore } from "./store";

describe("chain/store", () => {
  it("keeps keys sorted for prefix scans, with deletes", () => {
    const s = new SortedStore();
    for (const k of ["b/2", "a/1", "b/1", "b/10", "c"]) s.set(k, JSON.stringify(k));
    s.delete("b/10");
    expect(s.range("b/").map(([k]) => k)).to.deep.equal(["b/1", "b/2"]);
    expect(s.all().map(([k]) => k)).to.deep.equal(["a/1", "b/1", "b/2", "c"]);
  });

  it("branches are copy-on-write: merged scans, discard by dropping, commit writes through", () => {
    const base = new SortedStore();
    base.apply([["x/1", "1"], ["x/3", "3"]]);
    const branch = new BranchStore(base);
    branch.set("x/2", "2");
    branch.delete("x/3");
    expect(branch.range("x/")).to.deep.equal([["x/1", "1"], ["x/2", "2"]]);
    expect(base.range("x/").map(([k]) => k)).to.deep.equal(["x/1", "x/3"]);
    const nested = new BranchStore(branch);
    nested.set("x/1", "one");
    expect(nested.range("x/")).to.deep.equal([["x/1", "one"], ["x/2", "2"]]);
    expect(branch.changes()).to.deep.equal([["x/2", "2"], ["x/3", null]]);
    branch.commit();
    expect(base.range("x/")).to.deep.equal([["x/1", "1"], ["x/2", "2"]]);
  });

  it("charges cosmos gaskv costs and stops at the limit", () => {
    const meter = new GasMeter();
    const store = jsonStore(new SortedStore(), meter);
    store.set("k", "v"); // key 1 byte, value "\"v\"" 3 bytes
    expect(meter.consumed).to.equal(kvGas.writeCostFlat + kvGas.writeCostPerByte * 4);
    const before = meter.consumed;
    expect(store.get<string>("k")).to.equal("v");
    expect(meter.consumed - before).to.equal(kvGas.readCostFlat + kvGas.readCostPerByte * 4);
    const tight = jsonStore(new SortedStore(), new GasMeter(1500));
    expect(() => tight.set("k", 1)).to.throw(OutOfGas).with.property("descriptor", "WriteFlat");
  });

  it("prices an address inside a key as the node's 21 binary bytes, not 44 bech32 characters", () => {
    const meter = new GasMeter();
    const store = jsonStore(new SortedStore(), meter);
    store.set("b/akash14pphss726thpwws3yc458hggufynm9x77l4l2u/uakt", "1");
    expect(meter.consumed).to.equal(kvGas.writeCostFlat + kvGas.writeCostPerByte * (2 + 21 + 5 + 3));
  });

  it("stores JSON copies, so later mutation of a written object does not leak into state", () => {
    const store = jsonStore(new SortedStore());
    const value = { n: 1n, list: [1] };
    store.set("o", value);
    value.list.push(2);
    expect(store.get("o")).to.deep.equal({ n: "1", list: [1] });
    expect(() => store.set("u", undefined)).to.throw(/refusing to write undefined/);
  });
});
