import { expect } from "chai";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { ChainTxError } from "../../provider/src/chain/errors";
import { queryBalance } from "../../provider/src/chain/bank/queries";
import { clientAccount, startRelay, useClientDevnet } from "./helpers";

const send = (from: string, to: string, amount: string): EncodeObject => ({
  typeUrl: "/cosmos.bank.v1beta1.MsgSend",
  value: { fromAddress: from, toAddress: to, amount: [{ denom: "uakt", amount }] },
});

/** Fresh recipient addresses (valid bech32, never used). */
async function recipients(n: number): Promise<string[]> {
  const { DirectSecp256k1HdWallet } = await import("@cosmjs/proto-signing");
  const wallet = await DirectSecp256k1HdWallet.generate(12, { prefix: "akash" });
  const { makeCosmoshubPath } = await import("@cosmjs/amino");
  const many = await DirectSecp256k1HdWallet.fromMnemonic(wallet.mnemonic, { prefix: "akash", hdPaths: Array.from({ length: n }, (_, i) => makeCosmoshubPath(i)) });
  return (await many.getAccounts()).map((a) => a.address);
}

describe("client tx queue against the devnet", function () {
  this.timeout(60_000);
  const ctx = useClientDevnet();

  it("sends concurrent requests from one wallet in one multi-message tx", async () => {
    const to = await recipients(5);
    const before = ctx.account.queue.stats();
    const results = await Promise.all(to.map((addr, i) => ctx.account.queue.submit([send(ctx.account.signer.address, addr, String(1000 + i))])));
    expect(new Set(results.map((r) => r.txHash)).size).to.equal(1);
    expect(results[0].batchMessages).to.equal(5);
    expect(results.map((r) => r.messageIndexOffset)).to.deep.equal([0, 1, 2, 3, 4]);
    for (const [i, addr] of to.entries()) expect(await queryBalance(ctx.account.conn, addr, "uakt")).to.equal(String(1000 + i));
    // each caller's events are its own transfer
    expect(results[2].events.some((e) => e.type === "transfer" && e.attributes.some((a) => a.key === "recipient" && a.value === to[2]))).to.equal(true);
    expect(results[2].events.some((e) => e.attributes.some((a) => a.value === to[3]))).to.equal(false);
    const after = ctx.account.queue.stats();
    expect(after.txsSent - before.txsSent).to.equal(1);
    expect(after.messagesSent - before.messagesSent).to.equal(5);
    expect(after.gasUsed).to.be.greaterThan(before.gasUsed);
  });

  it("recovers from an outside tx that used the wallet, without sending twice", async () => {
    const [outsider, target] = await recipients(2);
    await ctx.account.queue.submit([send(ctx.account.signer.address, outsider, "5")]); // queue now tracks the sequence
    // Another program signs with the same key (plain cosmjs): the queue's sequence is now stale.
    const outside = await ctx.account.funded.client.sendTokens(ctx.account.signer.address, outsider, [{ denom: "uakt", amount: "7" }], "auto");
    expect(outside.code).to.equal(0);
    const retriesBefore = ctx.account.queue.stats().sequenceRetries;
    const result = await ctx.account.queue.submit([send(ctx.account.signer.address, target, "11")]);
    expect(result.height).to.be.greaterThan(0);
    expect(ctx.account.queue.stats().sequenceRetries).to.be.greaterThan(retriesBefore);
    expect(await queryBalance(ctx.account.conn, target, "uakt")).to.equal("11");
    expect(await queryBalance(ctx.account.conn, outsider, "uakt")).to.equal("12");
  });

  it("stays exactly-once when an outside tx races the queue", async () => {
    const [outsider, target] = await recipients(2);
    const [outside, ours] = await Promise.allSettled([
      ctx.account.funded.client.sendTokens(ctx.account.signer.address, outsider, [{ denom: "uakt", amount: "9" }], "auto"),
      Promise.all([1, 2, 3].map(() => ctx.account.queue.submit([send(ctx.account.signer.address, target, "10")]))),
    ]);
    expect(ours.status).to.equal("fulfilled");
    expect(await queryBalance(ctx.account.conn, target, "uakt")).to.equal("30");
    // plain cosmjs has no retry: the outsider either landed once or lost the race with a sequence error
    const outsiderBalance = await queryBalance(ctx.account.conn, outsider, "uakt");
    if (outside.status === "fulfilled") expect(outsiderBalance).to.equal("9");
    else expect([outsiderBalance, String((outside.reason as Error).message)]).to.satisfy(([b, m]: string[]) => b === "0" && /sequence/.test(m));
  });

  it("fails only the caller whose message the chain rejects", async () => {
    const [a, b] = await recipients(2);
    const settled = await Promise.allSettled([
      ctx.account.queue.submit([send(ctx.account.signer.address, a, "3")]),
      ctx.account.queue.submit([send(ctx.account.signer.address, b, "999999999999999")]),
      ctx.account.queue.submit([send(ctx.account.signer.address, b, "4")]),
    ]);
    expect(settled.map((s) => s.status)).to.deep.equal(["fulfilled", "rejected", "fulfilled"]);
    const error = (settled[1] as PromiseRejectedResult).reason;
    expect(error).to.be.instanceOf(ChainTxError);
    expect(error.codespace).to.equal("sdk");
    expect(error.code).to.equal(5);
    expect(error.log).to.match(/insufficient funds/);
    expect(await queryBalance(ctx.account.conn, a, "uakt")).to.equal("3");
    expect(await queryBalance(ctx.account.conn, b, "uakt")).to.equal("4");
  });

  it("fails over from a dead first endpoint and from an endpoint that dies mid-use", async () => {
    const relay = await startRelay(ctx.devnet.rpcUrl);
    const other = await clientAccount(ctx.devnet, ["http://127.0.0.1:1", relay.url, ctx.devnet.rpcUrl]);
    try {
      expect(other.conn.endpoint).to.equal(relay.url);
      const [x, y] = await recipients(2);
      await other.queue.submit([send(other.signer.address, x, "21")]);
      await relay.kill();
      await other.queue.submit([send(other.signer.address, y, "22")]);
      expect(other.conn.endpoint).to.equal(ctx.devnet.rpcUrl);
      expect(await queryBalance(other.conn, x, "uakt")).to.equal("21");
      expect(await queryBalance(other.conn, y, "uakt")).to.equal("22");
    } finally {
      other.conn.disconnect();
      await relay.kill().catch(() => undefined);
    }
  });
});
