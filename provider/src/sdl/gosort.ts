/**
 * Go's sort algorithms, reproduced because the order they leave ties in reaches the manifest hash, and Go's
 * comparators in go/sdl are not always strict orders (the storage volume comparator says "less" both ways for two
 * ephemeral volumes of one size): sort.SliceStable = insertion sort on blocks of 20 + SymMerge; sort.Sort and
 * sort.Slice = pdqsort (./pdqsort). Strings compare in byte (UTF-8) order like Go's `<`.
 */
import { insertionSort, pdqsort, swap, type Less } from "./pdqsort";

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

/** Go sort.Sort / sort.Slice, in place. */
export function goSort<T>(data: T[], less: Less<T>): T[] {
  return pdqsort(data, less);
}

/**
 * Go sort.Strings, in place. Equal strings are indistinguishable, so every correct sort gives Go's result; the
 * stable one is the fastest here on the short, mostly sorted key lists of a manifest.
 */
export function sortStrings(list: string[]): string[] {
  return goStableSort(list, goStringLess);
}

/** Keys of a Go map in `sort.Strings` order. */
export function sortedKeys(obj: object): string[] {
  return sortStrings(Object.keys(obj));
}
