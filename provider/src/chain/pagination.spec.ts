import { expect } from "chai";
import { allPages } from "./pagination";

describe("allPages", () => {
  it("follows next keys until an empty one", async () => {
    const pages: Record<string, { items: number[]; nextKey?: Uint8Array }> = {
      start: { items: [1, 2], nextKey: Uint8Array.of(1) },
      "1": { items: [3], nextKey: Uint8Array.of(2) },
      "2": { items: [4], nextKey: new Uint8Array() },
    };
    const seen: string[] = [];
    const all = await allPages(async (key) => {
      const name = key ? String(key[0]) : "start";
      seen.push(name);
      return pages[name];
    });
    expect(all).to.deep.equal([1, 2, 3, 4]);
    expect(seen).to.deep.equal(["start", "1", "2"]);
  });
});
