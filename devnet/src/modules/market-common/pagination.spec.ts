import { expect } from "chai";
import { paginate } from "./pagination";

describe("market-common/pagination", () => {
  const entries: Array<[string, number]> = Array.from({ length: 7 }, (_, i) => [`k/${String(i).padStart(2, "0")}`, i]);

  it("pages with limit and resumes from next_key", () => {
    const first = paginate(entries, { limit: 3 });
    expect(first.items).to.deep.equal([0, 1, 2]);
    expect(first.total).to.equal(3n);
    const second = paginate(entries, { limit: 3, key: first.nextKey });
    expect(second.items).to.deep.equal([3, 4, 5]);
    const third = paginate(entries, { limit: 3, key: second.nextKey });
    expect(third.items).to.deep.equal([6]);
    expect(third.nextKey.length).to.equal(0);
  });

  it("applies offset and reverse, defaulting the limit to 100", () => {
    expect(paginate(entries, { offset: 5 }).items).to.deep.equal([5, 6]);
    expect(paginate(entries, { reverse: true, limit: 2 }).items).to.deep.equal([6, 5]);
    const rev = paginate(entries, { reverse: true, limit: 2 });
    expect(paginate(entries, { reverse: true, limit: 2, key: rev.nextKey }).items).to.deep.equal([4, 3]);
    expect(paginate(entries, undefined).items).to.have.length(7);
  });
});
