import { expect } from "chai";
import { goSort, goStableSort, goStringLess, sortedKeys } from "./gosort";

describe("sdl/gosort", () => {
  it("compares strings in UTF-8 byte order like Go", () => {
    expect(goStringLess("Zone", "apple")).to.equal(true);
    expect(goStringLess("region1", "region_1")).to.equal(true);
    // U+FF5E (BMP) sorts before U+1F600 (astral) in UTF-8, unlike UTF-16 unit order.
    expect(goStringLess("\uff5e", "\ud83d\ude00")).to.equal(true);
    expect(sortedKeys({ b: 1, B: 2, a: 3 })).to.deep.equal(["B", "a", "b"]);
  });

  it("stable-sorts any length like sort.SliceStable (ties keep input order)", () => {
    for (const n of [0, 1, 5, 19, 20, 21, 45, 130]) {
      const items = Array.from({ length: n }, (_, i) => ({ key: (i * 7919) % 11, i }));
      const sorted = goStableSort([...items], (a, b) => a.key < b.key);
      const expected = [...items].sort((a, b) => a.key - b.key || a.i - b.i);
      expect(sorted).to.deep.equal(expected);
    }
  });

  it("reproduces Go's result for a comparator that says less both ways", () => {
    // Go's storage comparator returns true for two ephemeral volumes of one size: insertion sort reverses them.
    const always = () => true;
    expect(goStableSort(["a", "b", "c"], always)).to.deep.equal(["c", "b", "a"]);
    expect(goSort(["a", "b"], always)).to.deep.equal(["b", "a"]);
  });
});
