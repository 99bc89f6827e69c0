import { fromUtf8 } from "@cosmjs/encoding";
import { expect } from "chai";
import { paginate } from "./pagination";
import { SortedStore, jsonStore } from "./store";

describe("chain/pagination", () => {
  const store = jsonStore(new SortedStore());
  for (let i = 1; i <= 5; i++) store.set(`p/${String(i).padStart(3, "0")}`, i);

  it("pages by limit with next_key and resumes from it", () => {
    const first = paginate<number>(store, "p/", { limit: 2n });
    expect(first.items).to.deep.equal([1, 2]);
    expect(fromUtf8(first.pagination.nextKey)).to.equal("003");
    const second = paginate<number>(store, "p/", { key: first.pagination.nextKey, limit: 2n });
    expect(second.items).to.deep.equal([3, 4]);
    const last = paginate<number>(store, "p/", { key: second.pagination.nextKey, limit: 2n });
    expect(last.items).to.deep.equal([5]);
    expect(last.pagination.nextKey.length).to.equal(0);
  });

  it("supports offset with count_total, reverse, filters and the default limit", () => {
    expect(paginate<number>(store, "p/", { offset: 3n, countTotal: true })).to.deep.include({ items: [4, 5] });
    expect(paginate<number>(store, "p/", { offset: 3n, countTotal: true }).pagination.total).to.equal(5n);
    expect(paginate<number>(store, "p/", { reverse: true, limit: 2n }).items).to.deep.equal([5, 4]);
    expect(paginate<number>(store, "p/", { countTotal: true }, (v) => v % 2 === 1).pagination.total).to.equal(3n);
    expect(paginate<number>(store, "p/", undefined).items).to.have.length(5);
  });

  it("refuses key and offset together like cosmos", () => {
    expect(() => paginate(store, "p/", { key: new Uint8Array([0x30]), offset: 1n })).to.throw("either offset or key is expected, got both: invalid request");
  });
});
