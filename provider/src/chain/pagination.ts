/** Collects every page of a cosmos list query (pagination.next_key until empty). */
export interface Page<T> {
  items: T[];
  nextKey?: Uint8Array;
}

export const PAGE_LIMIT = 500;

export async function allPages<T>(fetchPage: (key: Uint8Array | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let key: Uint8Array | undefined;
  do {
    const page = await fetchPage(key);
    items.push(...page.items);
    key = page.nextKey && page.nextKey.length > 0 ? page.nextKey : undefined;
  } while (key);
  return items;
}
