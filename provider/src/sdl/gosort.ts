/**
 * Go's sort algorithms, reproduced because Go's comparators in go/sdl are not always strict orders (the storage
 * volume comparator says "less" both ways for two ephemeral volumes of one size), so the result depends on the
 * exact algorithm: sort.SliceStable = insertion sort on blocks of 20 + SymMerge; sort.Sort on <= 12 elements =
 * insertion sort. Strings compare in byte (UTF-8) order like Go's `<`.
 */

export type Less<T> = (a: T, b: T) => boolean;

/** Go string `<`: UTF-8 byte order, which is code point order (not UTF-16 unit order). */
export function goStringLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    const sa = ca >= 0xd800 && ca <= 0xdfff;
    const sb = cb >= 0xd800 && cb <= 0xdfff;
    // A surrogate encodes a code point above U+FFFF, which sorts after every BMP character.
    if (sa !== sb) return sa ? false : true;
    return ca < cb;
  }
  return a.length < b.length;
}

export function goStringCompare(a: string, b: string): number {
  return a === b ? 0 : goStringLess(a, b) ? -1 : 1;
}

function insertionSort<T>(data: T[], a: number, b: number, less: Less<T>): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && less(data[j]!, data[j - 1]!); j--) swap(data, j, j - 1);
  }
}

function swap<T>(data: T[], i: number, j: number): void {
  const t = data[i]!;
  data[i] = data[j]!;
  data[j] = t;
}

function swapRange<T>(data: T[], a: number, b: number, n: number): void {
  for (let i = 0; i < n; i++) swap(data, a + i, b + i);
}

function rotate<T>(data: T[], a: number, m: number, b: number): void {
  let i = m - a;
  let j = b - m;
  while (i !== j) {
    if (i > j) {
      swapRange(data, m - i, m, j);
      i -= j;
    } else {
      swapRange(data, m - i, m + j - i, i);
      j -= i;
    }
  }
  swapRange(data, m - i, m, i);
}

function symMerge<T>(data: T[], a: number, m: number, b: number, less: Less<T>): void {
  if (m - a === 1) {
    let i = m;
    let j = b;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (less(data[h]!, data[a]!)) i = h + 1;
      else j = h;
    }
    for (let k = a; k < i - 1; k++) swap(data, k, k + 1);
    return;
  }
  if (b - m === 1) {
    let i = a;
    let j = m;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (!less(data[m]!, data[h]!)) i = h + 1;
      else j = h;
    }
    for (let k = m; k > i; k--) swap(data, k, k - 1);
    return;
  }
  const mid = (a + b) >>> 1;
  const n = mid + m;
  let start: number;
  let r: number;
  if (m > mid) {
    start = n - b;
    r = mid;
  } else {
    start = a;
    r = m;
  }
  const p = n - 1;
  while (start < r) {
    const c = (start + r) >>> 1;
    if (!less(data[p - c]!, data[c]!)) start = c + 1;
    else r = c;
  }
  const end = n - start;
  if (start < m && m < end) rotate(data, start, m, end);
  if (a < start && start < mid) symMerge(data, a, start, mid, less);
  if (mid < end && end < b) symMerge(data, mid, end, b, less);
}

/** Go sort.SliceStable / sort.Stable, in place. */
export function goStableSort<T>(data: T[], less: Less<T>): T[] {
  const n = data.length;
  let blockSize = 20;
  let a = 0;
  let b = blockSize;
  while (b <= n) {
    insertionSort(data, a, b, less);
    a = b;
    b += blockSize;
  }
  insertionSort(data, a, n, less);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      symMerge(data, a, a + blockSize, b, less);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) symMerge(data, a, m, n, less);
    blockSize *= 2;
  }
  return data;
}

/**
 * Go sort.Sort. Go's pdqsort is an insertion sort up to 12 elements; beyond that it is only reproduced for
 * comparators without ties, where every correct sort agrees (a stable sort is used).
 */
export function goSort<T>(data: T[], less: Less<T>): T[] {
  if (data.length <= 12) {
    insertionSort(data, 0, data.length, less);
    return data;
  }
  return goStableSort(data, less);
}

/** Keys of a Go map in `sort.Strings` order. */
export function sortedKeys(obj: object): string[] {
  return goSort(Object.keys(obj), goStringLess);
}
