import { expect } from "chai";
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { DeliverTxResponse, SigningStargateClient } from "@cosmjs/stargate";
import { TxError, TxQueue, feeFor } from "./tx-queue";

/** A signing client double that records transactions and fails any containing a "bad" message. */
function fakeClient() {
  const txs: string[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const client = {
    async signAndBroadcast(_addr: string, msgs: EncodeObject[]): Promise<DeliverTxResponse> {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      txs.push(msgs.map((m) => m.value as string));
      const bad = msgs.some((m) => m.value === "bad");
      return { code: bad ? 5 : 0, rawLog: bad ? "insufficient funds" : "", height: txs.length } as unknown as DeliverTxResponse;
    },
  };
  return { client: client as unknown as SigningStargateClient, txs, maxInFlight: () => maxInFlight };
}

const m = (value: string): EncodeObject => ({ typeUrl: "/test", value });

describe("providers/tx-queue", () => {
  it("sends one transaction at a time and batches what was submitted together", async () => {
    const fake = fakeClient();
    const queue = new TxQueue(fake.client, "akash1x");
    await Promise.all([queue.submit(m("a")), queue.submit(m("b")), queue.submit(m("c"))]);
    await Promise.all([queue.submit(m("d")), queue.submit(m("e"))]);
    expect(fake.txs).to.deep.equal([["a", "b", "c"], ["d", "e"]]);
    expect(fake.maxInFlight()).to.equal(1);
  });

  it("retries a failed batch message by message so only the bad one fails", async () => {
    const fake = fakeClient();
    const queue = new TxQueue(fake.client, "akash1x");
    const results = await Promise.allSettled([queue.submit(m("a")), queue.submit(m("bad")), queue.submit(m("c"))]);
    expect(results.map((r) => r.status)).to.deep.equal(["fulfilled", "rejected", "fulfilled"]);
    const error = (results[1] as PromiseRejectedResult).reason;
    expect(error).to.be.instanceOf(TxError);
    expect(error.code).to.equal(5);
    expect(fake.txs).to.deep.equal([["a", "bad", "c"], ["a"], ["bad"], ["c"]]);
  });

  it("pays fees in uakt at 0.025 per gas unit, scaled by the message count", () => {
    expect(feeFor(1)).to.deep.equal({ amount: [{ denom: "uakt", amount: "10000" }], gas: "400000" });
    expect(feeFor(3).gas).to.equal("1000000");
  });

  it("rejects submissions after stop", async () => {
    const queue = new TxQueue(fakeClient().client, "akash1x");
    queue.stop();
    let error: unknown;
    await queue.submit(m("a")).catch((e) => (error = e));
    expect((error as Error).message).to.equal("transaction queue stopped");
  });
});
