import { expect } from "chai";
import { sharedTxQueue } from "./txQueues";
import type { TxBackend } from "./txQueue";

const backend = (chainId: string, address: string) => ({ chainId, address }) as TxBackend;

describe("sharedTxQueue", () => {
  it("returns one queue per chain and signer, shared by every caller of the process", () => {
    const a = sharedTxQueue(backend("registry-test-1", "akash1aaa"));
    expect(sharedTxQueue(backend("registry-test-1", "akash1aaa"))).to.equal(a);
    expect(sharedTxQueue(backend("registry-test-1", "akash1bbb"))).to.not.equal(a);
    expect(sharedTxQueue(backend("registry-test-2", "akash1aaa"))).to.not.equal(a);
    expect(a.address).to.equal("akash1aaa");
  });
});
