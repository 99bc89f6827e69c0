/**
 * Go's sort.Sort / sort.Slice (pattern-defeating quicksort, Go >= 1.19), step for step: the order it leaves
 * equal elements in is part of the manifest hash (go/sdl sorts exposes and endpoints with sort.Sort), so every
 * comparison and swap happens where Go's does. Indices are absolute, as in Go.
 */

export type Less<T> = (a: T, b: T) => boolean;

const maxInsertion = 12;
const shortestNinther = 50;
const maxPivotSwaps = 4 * 3;
const shortestShifting = 50;
const maxShiftSteps = 5;

const enum Hint {
  Unknown,
  Increasing,
  Decreasing,
}

/** math/bits.Len: the number of bits needed to write n. */
function bitsLen(n: number): number {
  return 32 - Math.clz32(n);
}

export function swap<T>(data: T[], i: number, j: number): void {
  const t = data[i]!;
  data[i] = data[j]!;
  data[j] = t;
}

/** insertionSort on data[a:b]; sort.Stable uses the same one for its blocks. */
export function insertionSort<T>(data: T[], a: number, b: number, less: Less<T>): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && less(data[j]!, data[j - 1]!); j--) swap(data, j, j - 1);
  }
}

/** One sort's state; results of choosePivot/partition go in fields so the hot path allocates nothing. */
class Pdq<T> {
  /** Out-of-order pairs seen by the current choosePivot. */
  private swaps = 0;
  private hint = Hint.Unknown;
  private alreadyPartitioned = false;

  constructor(
    private readonly data: T[],
    private readonly less: Less<T>,
  ) {}

  private lt(i: number, j: number): boolean {
    return this.less(this.data[i]!, this.data[j]!);
  }

  private swap(i: number, j: number): void {
    swap(this.data, i, j);
  }

  sort(a: number, b: number, limit: number): void {
    let wasBalanced = true;
    let wasPartitioned = true;
    for (;;) {
      const length = b - a;
      if (length <= maxInsertion) {
        insertionSort(this.data, a, b, this.less);
        return;
      }
      if (limit === 0) {
        this.heapSort(a, b);
        return;
      }
      if (!wasBalanced) {
        this.breakPatterns(a, b);
        limit--;
      }
      let pivot = this.choosePivot(a, b);
      if (this.hint === Hint.Decreasing) {
        this.reverseRange(a, b);
        pivot = b - 1 - (pivot - a);
        this.hint = Hint.Increasing;
      }
      if (wasBalanced && wasPartitioned && this.hint === Hint.Increasing && this.partialInsertionSort(a, b)) return;
      // The element before this range is the previous pivot: if it is not less than this one, the range is
      // mostly copies of it.
      if (a > 0 && !this.lt(a - 1, pivot)) {
        a = this.partitionEqual(a, b, pivot);
        continue;
      }
      const mid = this.partition(a, b, pivot);
      wasPartitioned = this.alreadyPartitioned;
      const leftLen = mid - a;
      const rightLen = b - mid;
      const balanceThreshold = Math.floor(length / 8);
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold;
        this.sort(a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = rightLen >= balanceThreshold;
        this.sort(mid + 1, b, limit);
        b = mid;
      }
    }
  }

  private partition(a: number, b: number, pivot: number): number {
    this.swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    while (i <= j && this.lt(i, a)) i++;
    while (i <= j && !this.lt(j, a)) j--;
    this.alreadyPartitioned = i > j;
    if (i > j) {
      this.swap(j, a);
      return j;
    }
    this.swap(i, j);
    i++;
    j--;
    for (;;) {
      while (i <= j && this.lt(i, a)) i++;
      while (i <= j && !this.lt(j, a)) j--;
      if (i > j) break;
      this.swap(i, j);
      i++;
      j--;
    }
    this.swap(j, a);
    return j;
  }

  private partitionEqual(a: number, b: number, pivot: number): number {
    this.swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    for (;;) {
      while (i <= j && !this.lt(a, i)) i++;
      while (i <= j && this.lt(a, j)) j--;
      if (i > j) break;
      this.swap(i, j);
      i++;
      j--;
    }
    return i;
  }

  private partialInsertionSort(a: number, b: number): boolean {
    let i = a + 1;
    for (let step = 0; step < maxShiftSteps; step++) {
      while (i < b && !this.lt(i, i - 1)) i++;
      if (i === b) return true;
      if (b - a < shortestShifting) return false;
      this.swap(i, i - 1);
      // Go bounds this shift by index 1, not a+1; kept so the swaps stay identical.
      if (i - a >= 2) {
        for (let j = i - 1; j >= 1 && this.lt(j, j - 1); j--) this.swap(j, j - 1);
      }
      if (b - i >= 2) {
        for (let j = i + 1; j < b && this.lt(j, j - 1); j++) this.swap(j, j - 1);
      }
    }
    return false;
  }

  /** Deterministic: the xorshift is seeded with the range length, so Go's swaps are reproducible. */
  private breakPatterns(a: number, b: number): void {
    const length = b - a;
    if (length < 8) return;
    let random = BigInt(length);
    const mask = BigInt((2 ** bitsLen(length)) - 1);
    const first = a + Math.floor(length / 4) * 2 - 1;
    for (let idx = first; idx <= first + 2; idx++) {
      // xorshift64 with Go >= 1.24's shifts (13, 7, 17; golang/go#70144).
      random = BigInt.asUintN(64, random ^ (random << 13n));
      random ^= random >> 7n;
      random = BigInt.asUintN(64, random ^ (random << 17n));
      let other = Number(random & mask);
      if (other >= length) other -= length;
      this.swap(idx, a + other);
    }
  }

  private choosePivot(a: number, b: number): number {
    const l = b - a;
    const quarter = Math.floor(l / 4);
    this.swaps = 0;
    let i = a + quarter;
    let j = a + quarter * 2;
    let k = a + quarter * 3;
    if (l >= 8) {
      if (l >= shortestNinther) {
        i = this.median(i - 1, i, i + 1);
        j = this.median(j - 1, j, j + 1);
        k = this.median(k - 1, k, k + 1);
      }
      j = this.median(i, j, k);
    }
    this.hint = this.swaps === 0 ? Hint.Increasing : this.swaps === maxPivotSwaps ? Hint.Decreasing : Hint.Unknown;
    return j;
  }

  /** The index of the median of data[a], data[b], data[c], counting out-of-order pairs in `swaps`. */
  private median(a: number, b: number, c: number): number {
    let t: number;
    if (this.lt(b, a)) {
      this.swaps++;
      t = a;
      a = b;
      b = t;
    }
    if (this.lt(c, b)) {
      this.swaps++;
      b = c;
    }
    if (this.lt(b, a)) {
      this.swaps++;
      b = a;
    }
    return b;
  }

  private reverseRange(a: number, b: number): void {
    for (let i = a, j = b - 1; i < j; i++, j--) this.swap(i, j);
  }

  private heapSort(a: number, b: number): void {
    const first = a;
    const hi = b - a;
    for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) this.siftDown(i, hi, first);
    for (let i = hi - 1; i >= 0; i--) {
      this.swap(first, first + i);
      this.siftDown(0, i, first);
    }
  }

  private siftDown(lo: number, hi: number, first: number): void {
    let root = lo;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && this.lt(first + child, first + child + 1)) child++;
      if (!this.lt(first + root, first + child)) return;
      this.swap(first + root, first + child);
      root = child;
    }
  }
}

/** Go sort.Sort(data) / sort.Slice(data, less), in place. */
export function pdqsort<T>(data: T[], less: Less<T>): T[] {
  const n = data.length;
  // What pdqsort's first step does for short inputs, without building a sorter (most sorts here are short).
  if (n <= maxInsertion) insertionSort(data, 0, n, less);
  else new Pdq(data, less).sort(0, n, bitsLen(n));
  return data;
}
