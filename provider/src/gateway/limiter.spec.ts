import { expect } from "chai";
import { Limiter } from "./limiter";

/** A piece of work that runs until released, recording how many ran at once. */
function gate() {
  const state = { running: 0, peak: 0, started: [] as number[] };
  const releases = new Map<number, () => void>();
  const work = (id: number) => async () => {
    state.running++;
    state.peak = Math.max(state.peak, state.running);
    state.started.push(id);
    await new Promise<void>((r) => releases.set(id, r));
    state.running--;
    if (id < 0) throw new Error(`work ${id} failed`);
    return id;
  };
  const release = async (id: number) => {
    releases.get(id)!();
    await new Promise((r) => setImmediate(r));
  };
  return { state, work, release };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("gateway Limiter", () => {
  it("runs at most max at once, first come first served, and frees the slot however work ends", async () => {
    const limit = new Limiter(2);
    const { state, work, release } = gate();
    const results = [1, -2, 3, 4, 5].map((id) => limit.run(work(id)).catch((e: Error) => e.message));
    await tick();
    expect(state.started).to.deep.equal([1, -2]);
    await release(-2); // a failure frees its slot too
    expect(state.started).to.deep.equal([1, -2, 3]);
    await release(1);
    expect(state.started).to.deep.equal([1, -2, 3, 4]);
    await release(3);
    // both slots busy (4 and 5): a new call waits
    const late = limit.run(work(6));
    await tick();
    expect(state.started).to.deep.equal([1, -2, 3, 4, 5]);
    await release(4);
    await release(5);
    await release(6);
    expect(await Promise.all(results)).to.deep.equal([1, "work -2 failed", 3, 4, 5]);
    expect(await late).to.equal(6);
    expect(state.peak).to.equal(2);
  });

  it("refuses a cap that is not a positive integer", () => {
    expect(() => new Limiter(0)).to.throw(/positive integer/);
    expect(() => new Limiter(1.5)).to.throw(/positive integer/);
  });
});
