import { expect } from "chai";
import { memoryContext } from "../../chain/testing";
import { chainErrorOf } from "./fixtures";
import { IndexedTable, listQuery } from "./table";

interface Row {
  owner: string;
  n: number;
  state: string;
  provider: string;
}

describe("market-common/table", () => {
  function setup() {
    const ctx = memoryContext();
    const table = new IndexedTable<Row>("t/rows", (r) => r.state, (r) => r.provider);
    const rows: Row[] = [
      { owner: "a", n: 1, state: "open", provider: "p" },
      { owner: "a", n: 2, state: "closed", provider: "q" },
      { owner: "b", n: 3, state: "open", provider: "p" },
    ];
    for (const r of rows) table.set(ctx, `${r.owner}/${r.n}`, r);
    return { ctx, table };
  }

  it("keeps the state index in step with updates", () => {
    const { ctx, table } = setup();
    table.set(ctx, "a/1", { owner: "a", n: 1, state: "closed", provider: "p" });
    expect(table.byState(ctx, "open").map(([pk]) => pk)).to.deep.equal(["b/3"]);
    expect(table.byState(ctx, "closed").map(([pk]) => pk)).to.deep.equal(["a/1", "a/2"]);
    expect(table.byProvider(ctx, "p").map(([pk]) => pk)).to.deep.equal(["a/1", "b/3"]);
    expect(table.byPrefix(ctx, "a/").map(([, r]) => r.n)).to.deep.equal([1, 2]);
  });

  it("lists by owner, provider or state, in that precedence", () => {
    const { ctx, table } = setup();
    const q = (o: { state?: string; owner?: string; provider?: string }) =>
      listQuery(ctx, table, { state: o.state ?? "", allStates: ["open", "closed"], owner: o.owner, provider: o.provider, accept: () => true, page: undefined }).items.map((r) => r.n);
    expect(q({})).to.deep.equal([1, 3, 2]);
    expect(q({ owner: "a" })).to.deep.equal([1, 2]);
    expect(q({ provider: "p", state: "open" })).to.deep.equal([1, 3]);
    expect(chainErrorOf(() => q({ state: "gone" })).message).to.include("invalid state value");
  });
});
