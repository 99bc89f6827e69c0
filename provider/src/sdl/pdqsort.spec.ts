import { expect } from "chai";
import { pdqsort } from "./pdqsort";

type Item = [key: number, tag: number];
const byKey = (a: Item, b: Item) => a[0] < b[0];

/** Go's insertionSortLessFunc, written out independently. */
function goInsertionSort<T>(data: T[], less: (a: T, b: T) => boolean): T[] {
  for (let i = 1; i < data.length; i++) {
    for (let j = i; j > 0 && less(data[j]!, data[j - 1]!); j--) [data[j], data[j - 1]] = [data[j - 1]!, data[j]!];
  }
  return data;
}

/** Deterministic pseudo-random integers for the property tests. */
function numbers(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

describe("sdl/pdqsort (Go sort.Sort)", () => {
  it("leaves ties in Go's order for 14 exposes with duplicate ports (hand-traced through Go's pdqsort)", () => {
    // [port, external port] of a service's 14 exposes, compared by port only (ServiceExposes.Less).
    const data: Item[] = [
      [7001, 7001], [7005, 7005], [7006, 7006], [7003, 7003], [7004, 7004], [7002, 8002], [7006, 8006],
      [7004, 8004], [7000, 7000], [7000, 8000], [7005, 8005], [7003, 8003], [7001, 8001], [7002, 7002],
    ];
    // n=14 > 12, limit=bits.Len(14)=4. choosePivot: i,j,k = 3,6,9; median(7003, 7006, 7000) takes 2 swaps ->
    // pivot index 3 (7003/7003), hint unknown, so no partialInsertionSort; a=0, so no partitionEqual.
    // partition: swap(0,3); i=1,j=13 swaps 1<->13; 2<->12; then i=4,j=9 (7003/8003 at 11 and 7005/8005 at 10
    // are not < pivot) swaps 4<->9; 6<->8; i=7 > j=6 ends; swap(6,0) puts the pivot at 6. Now
    //   [7000/7000 7002/7002 7001/8001 7001/7001 7000/8000 7002/8002 | 7003/7003 | 7004/8004 7006/8006
    //    7004/7004 7005/8005 7003/8003 7006/7006 7005/7005]
    // left 6 < right 8: insertion sort [0,6) then, looping with a=7, insertion sort [7,14) (both <= 12).
    const expected = [7000, 8000, 8001, 7001, 7002, 8002, 7003, 8003, 8004, 7004, 8005, 7005, 8006, 7006];
    expect(pdqsort(data, byKey).map((x) => x[1])).to.deep.equal(expected);
    // A stable sort would keep 7001/7001 before 7001/8001, so this is not what sort.Stable gives.
    expect(expected.indexOf(8001)).to.be.lessThan(expected.indexOf(7001));
  });

  it("equals Go's insertion sort for up to 12 elements, ties and non-strict comparators included", () => {
    const next = numbers(7);
    for (let round = 0; round < 500; round++) {
      const n = round % 13;
      const items: Item[] = Array.from({ length: n }, (_, i) => [next() % 4, i]);
      expect(pdqsort([...items], byKey)).to.deep.equal(goInsertionSort([...items], byKey));
      const always = () => true;
      expect(pdqsort([...items], always)).to.deep.equal(goInsertionSort([...items], always));
    }
  });

  it("sorts longer inputs of every shape and always terminates with a permutation", () => {
    const next = numbers(11);
    const shapes: Array<(i: number, n: number) => number> = [
      () => next() % 1000,
      () => next() % 3,
      (i) => i,
      (i, n) => n - i,
      (i, n) => Math.min(i, n - i),
      (i) => (i % 7 === 0 ? next() % 50 : i),
    ];
    for (const n of [13, 14, 20, 49, 50, 51, 64, 100, 257, 1000]) {
      for (const shape of shapes) {
        const items: Item[] = Array.from({ length: n }, (_, i) => [shape(i, n), i]);
        const sorted = pdqsort([...items], byKey);
        for (let i = 1; i < n; i++) expect(sorted[i]![0]).to.be.at.least(sorted[i - 1]![0]);
        expect(sorted.map((x) => x[1]).sort((a, b) => a - b)).to.deep.equal(items.map((x) => x[1]));
      }
      // A comparator that says "less" both ways unbalances every partition: breakPatterns, then heapSort.
      const all = pdqsort(Array.from({ length: n }, (_, i) => i), () => true);
      expect([...all].sort((a, b) => a - b)).to.deep.equal(Array.from({ length: n }, (_, i) => i));
    }
  });
});
