import { expect } from "chai";
import { sha256 } from "@cosmjs/crypto";
import { toHex, toUtf8, fromUtf8 } from "@cosmjs/encoding";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { ChainTxError, TxTimeoutError } from "./errors";
import { TxQueue, type IncludedTx, type TxBackend } from "./txQueue";

interface SignedFake {
  nonce?: number;
  ids: string[];
  sequence: number;
  memo: string;
  gas: string;
}

/**
 * An in-memory chain with one account: checks sequences like the ante handler, rejects messages whose id
 * starts with "bad" like a failing handler, and can lose broadcast answers or never include txs.
 */
class FakeChain implements TxBackend {
  readonly chainId = "fake-1";
  readonly address = "akash1fake";
  /** check-state sequence (what CheckTx expects: counts the mempool) */
  sequence = 7;
  /** committed sequence (what queries and simulate see) */
  committed = 7;
  height = 100;
  executed: string[] = [];
  txs = new Map<string, IncludedTx>();
  broadcasts = 0;
  simulations = 0;
  loseNextBroadcastAnswer = false;
  /** accepted txs wait in the mempool for this many findTx calls before they are in a block */
  inclusionDelayPolls = 0;
  mempool: Array<{ hash: string; doc: SignedFake; polls: number }> = [];
  signatures = 0;
  neverInclude = false;
  /** error without a message index at simulate (e.g. out of fees) while more than one message is sent */
  anonymousFailureWhenBatched = false;
  /** messages rejected only at delivery (simulate passes) */
  failAtDeliver = new Set<string>();
  /** gas a message really needs at delivery (state changed since simulate); 0 = what simulate said */
  deliverGasPerMessage = 0;

  accountLookups = 0;
  signedGas: string[] = [];

  async account() {
    this.accountLookups++;
    return { accountNumber: 3, sequence: this.committed };
  }

  failNextSimulateWith?: Error;

  async simulate(messages: readonly EncodeObject[], _memo: string, sequence: number): Promise<number> {
    this.simulations++;
    const planned = this.failNextSimulateWith;
    this.failNextSimulateWith = undefined;
    if (planned) throw planned;
    this.checkSequence(sequence, "simulate", this.committed);
    if (this.anonymousFailureWhenBatched && messages.length > 1) {
      throw new ChainTxError("sdk", 13, "insufficient fee", { stage: "simulate" });
    }
    const bad = messages.findIndex((m) => String(m.value.id).startsWith("bad"));
    if (bad >= 0) {
      throw new ChainTxError("deployment", 3, `failed to execute message; message index: ${bad}: deployment exists`, { stage: "simulate" });
    }
    return 100_000 * messages.length;
  }

  async sign(messages: readonly EncodeObject[], fee: { gas: string }, memo: string, signerData: { sequence: number; accountNumber: number; chainId: string }) {
    expect(signerData.accountNumber).to.equal(3);
    expect(signerData.chainId).to.equal("fake-1");
    // a nonce makes every signature distinct, like a re-signed tx with another fee would be
    const doc: SignedFake = { ids: messages.map((m) => String(m.value.id)), sequence: signerData.sequence, memo, gas: fee.gas, nonce: this.signatures++ };
    this.signedGas.push(fee.gas);
    return toUtf8(JSON.stringify(doc));
  }

  async broadcastSync(txBytes: Uint8Array): Promise<void> {
    this.broadcasts++;
    const doc = JSON.parse(fromUtf8(txBytes)) as SignedFake;
    const hash = toHex(sha256(txBytes)).toUpperCase();
    if (this.txs.has(hash)) return;
    this.checkSequence(doc.sequence, "broadcast");
    this.sequence++;
    if (this.inclusionDelayPolls > 0) this.mempool.push({ hash, doc, polls: this.inclusionDelayPolls });
    else if (!this.neverInclude) this.include(hash, doc);
    if (this.loseNextBroadcastAnswer) {
      this.loseNextBroadcastAnswer = false;
      throw new TypeError("fetch failed");
    }
  }

  async findTx(hash: string) {
    for (const entry of this.mempool.filter((e) => --e.polls <= 0)) {
      this.mempool.splice(this.mempool.indexOf(entry), 1);
      this.include(entry.hash, entry.doc);
    }
    return this.txs.get(hash);
  }

  /** Another program signs with the same key (its tx is already in a block). */
  outsideTx(): void {
    this.sequence++;
    this.committed++;
  }

  /** Another program's tx is in the mempool, not yet in a block. */
  outsideTxInMempool(): void {
    this.sequence++;
  }

  private include(hash: string, doc: SignedFake): void {
    this.height++;
    this.committed = this.sequence;
    const needed = this.deliverGasPerMessage * doc.ids.length;
    if (Number(doc.gas) < needed) {
      this.txs.set(hash, { ...this.result(hash, 11, "sdk", `out of gas in location: WritePerByte; gasWanted: ${doc.gas}, gasUsed: ${needed}: out of gas`, [], []), gasUsed: needed });
      return;
    }
    const failing = doc.ids.findIndex((id) => this.failAtDeliver.has(id));
    if (failing >= 0) {
      this.txs.set(hash, this.result(hash, 5, "market", `failed to execute message; message index: ${failing}: bid not open`, [], []));
      return;
    }
    this.executed.push(...doc.ids);
    const events = doc.ids.map((id, i) => ({ type: "test.Event", attributes: [{ key: "id", value: id }, { key: "msg_index", value: String(i) }] }));
    events.push({ type: "tx", attributes: [{ key: "fee", value: "1uakt" }] } as never);
    const responses = doc.ids.map((id) => ({ typeUrl: "/test.MsgResponse", value: toUtf8(id) }));
    this.txs.set(hash, this.result(hash, 0, "", "", events, responses));
  }

  private result(hash: string, code: number, codespace: string, log: string, events: IncludedTx["events"], msgResponses: IncludedTx["msgResponses"]): IncludedTx {
    return { hash, height: this.height, code, codespace, log, events, msgResponses, gasUsed: 90_000, gasWanted: 150_000 };
  }

  private checkSequence(sequence: number, stage: "simulate" | "broadcast", expected = this.sequence): void {
    if (sequence !== expected) {
      throw new ChainTxError("sdk", 32, `account sequence mismatch, expected ${expected}, got ${sequence}: incorrect account sequence`, { stage });
    }
  }
}

const msg = (id: string): EncodeObject => ({ typeUrl: "/test.Msg", value: { id } });
const fast = { batchWindowMs: 20, pollIntervalMs: 1, inclusionTimeoutMs: 200 };

describe("TxQueue", () => {
  it("sends messages submitted within the window as one tx and gives each caller its own share", async () => {
    const chain = new FakeChain();
    const queue = new TxQueue(chain, fast);
    const [a, b, c] = await Promise.all([
      queue.submit([msg("a1"), msg("a2")]),
      queue.submit([msg("b1")]),
      queue.submit([msg("c1")]),
    ]);
    expect(chain.executed).to.deep.equal(["a1", "a2", "b1", "c1"]);
    expect(chain.broadcasts).to.equal(1);
    expect(a.txHash).to.equal(b.txHash).and.equal(c.txHash);
    expect(a.msgResponses.map((r) => fromUtf8(r.value))).to.deep.equal(["a1", "a2"]);
    expect(b.msgResponses.map((r) => fromUtf8(r.value))).to.deep.equal(["b1"]);
    expect(c.events.map((e) => e.attributes[0].value)).to.deep.equal(["c1"]);
    expect(b.messageIndexOffset).to.equal(2);
    expect(a.batchMessages).to.equal(4);
    expect(queue.stats()).to.include({ txsSent: 1, messagesSent: 4, gasUsed: 90_000, sequenceRetries: 0 });
  });

  it("keeps the window open while submissions trickle in, up to the maximum delay", async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const trickle = async (queue: TxQueue, count: number, gapMs: number) => {
      const submitted: Array<Promise<unknown>> = [];
      for (let i = 0; i < count; i++) {
        submitted.push(queue.submit([msg(`t${i}`)]));
        await sleep(gapMs);
      }
      await Promise.all(submitted);
    };
    const chain = new FakeChain();
    // 6 requests 10 ms apart: the first one's window alone would have closed long before the last came.
    await trickle(new TxQueue(chain, { ...fast, batchWindowMs: 300, maxBatchDelayMs: 5000 }), 6, 10);
    expect(chain.broadcasts).to.equal(1);
    const capped = new FakeChain();
    await trickle(new TxQueue(capped, { ...fast, batchWindowMs: 300, maxBatchDelayMs: 300 }), 12, 60);
    expect(capped.broadcasts).to.be.greaterThan(1);
    expect(capped.executed).to.have.length(12);
  });

  it("resends once with more gas when delivery needs more than simulate said, executing the messages once", async () => {
    const chain = new FakeChain();
    chain.deliverGasPerMessage = 200_000; // simulate says 100k, x1.5 is not enough
    const logs: string[] = [];
    const result = await new TxQueue(chain, fast).submit([msg("lease")], { log: (m) => logs.push(m) });
    expect(chain.executed).to.deep.equal(["lease"]);
    expect(chain.signedGas).to.deep.equal(["150000", "300000"]);
    expect(result.gasUsed).to.equal(90_000);
    expect(logs.join("\n")).to.contain("ran out of gas");
    chain.deliverGasPerMessage = 1_000_000;
    const error = await new TxQueue(chain, fast).submit([msg("hungry")]).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ChainTxError).and.include({ code: 11, codespace: "sdk" });
    expect(chain.executed).to.deep.equal(["lease"]);
  });

  it("tracks the dseqs this process is creating until released", () => {
    const queue = new TxQueue(new FakeChain(), fast);
    const release = queue.markCreating("42");
    expect(queue.isCreating("42")).to.equal(true);
    expect(new TxQueue(new FakeChain(), fast).isCreating("42")).to.equal(false);
    release();
    expect(queue.isCreating("42")).to.equal(false);
  });

  it("hands out the height as dseq, never the same one twice", () => {
    const queue = new TxQueue(new FakeChain(), fast);
    expect([queue.reserveDseq(100), queue.reserveDseq(100), queue.reserveDseq(101), queue.reserveDseq(250)]).to.deep.equal(["100", "101", "102", "250"]);
  });

  it("signs with the gas limit simulate x 1.5 and keeps the sequence between txs", async () => {
    const chain = new FakeChain();
    const queue = new TxQueue(chain, fast);
    await queue.submit([msg("x")]);
    await queue.submit([msg("y"), msg("z")]);
    expect(chain.sequence).to.equal(9);
    expect(chain.signedGas).to.deep.equal(["150000", "300000"]);
    // one account lookup only: the second tx used the tracked sequence
    expect(chain.accountLookups).to.equal(1);
  });

  it("does not batch requests with different memos and splits batches above the message cap", async () => {
    const chain = new FakeChain();
    const queue = new TxQueue(chain, { ...fast, maxMessagesPerTx: 2 });
    const results = await Promise.all([
      queue.submit([msg("m1")], { memo: "one" }),
      queue.submit([msg("m2")], { memo: "two" }),
      queue.submit([msg("m3")], { memo: "one" }),
      queue.submit([msg("m4")], { memo: "one" }),
    ]);
    expect(chain.broadcasts).to.equal(3);
    expect(results[0].txHash).to.equal(results[2].txHash);
    expect(results[3].txHash).to.not.equal(results[0].txHash);
    expect(chain.executed).to.have.members(["m1", "m2", "m3", "m4"]);
  });

  it("resyncs the sequence after an outside tx and sends the messages exactly once", async () => {
    const chain = new FakeChain();
    const queue = new TxQueue(chain, fast);
    await queue.submit([msg("first")]);
    chain.outsideTx();
    const result = await queue.submit([msg("second")]);
    expect(result.height).to.be.greaterThan(0);
    expect(chain.executed).to.deep.equal(["first", "second"]);
    expect(queue.stats().sequenceRetries).to.equal(1);
  });

  it("tells a resync to each resource in the tx, through its own log, saying the tx is shared", async () => {
    const chain = new FakeChain();
    const queue = new TxQueue(chain, fast);
    await queue.submit([msg("first")]);
    chain.outsideTx();
    const lines: string[] = [];
    const as = (name: string) => queue.withLog((m) => lines.push(`${name}: ${m}`));
    const [web, db] = [as("web"), as("db")];
    await Promise.all([web.submit([msg("w1")]), web.submit([msg("w2")]), db.submit([msg("d1")]), queue.submit([msg("quiet")])]);
    expect(chain.executed).to.deep.equal(["first", "w1", "w2", "d1", "quiet"]);
    // once per resource (web's two requests share its log), and never for the caller without a log
    expect(lines).to.have.length(2);
    expect(lines.filter((l) => l.startsWith("web: account sequence resynced to 9"))).to.have.length(1);
    expect(lines.filter((l) => l.startsWith("db: account sequence resynced to 9"))).to.have.length(1);
    for (const l of lines) expect(l).to.match(/ \(one tx for 3 resources\)$/);
    // a tx of one resource does not claim to be shared
    chain.outsideTx();
    await db.submit([msg("d2")]);
    expect(lines[2]).to.match(/^db: account sequence resynced to 11 \(.*\)$/).and.not.contain("one tx for");
    expect(web.address).to.equal(queue.address);
    expect(web.stats()).to.deep.equal(queue.stats());
  });

  it("signs after an outside tx still in the mempool, simulating at the committed sequence", async () => {
    const chain = new FakeChain();
    const queue = new TxQueue(chain, fast);
    await queue.submit([msg("mine-1")]);
    chain.outsideTxInMempool(); // CheckTx now expects 9, committed state still says 8
    await queue.submit([msg("mine-2")]);
    expect(chain.executed).to.deep.equal(["mine-1", "mine-2"]);
    expect(chain.sequence).to.equal(10);
    expect(queue.stats().sequenceRetries).to.equal(1);
  });

  it("fails only the caller whose message the chain rejects, keeping the chain's error", async () => {
    const chain = new FakeChain();
    const queue = new TxQueue(chain, fast);
    const settled = await Promise.allSettled([queue.submit([msg("ok1")]), queue.submit([msg("bad")]), queue.submit([msg("ok2")])]);
    expect(settled.map((s) => s.status)).to.deep.equal(["fulfilled", "rejected", "fulfilled"]);
    const error = (settled[1] as PromiseRejectedResult).reason as ChainTxError;
    expect(error).to.be.instanceOf(ChainTxError);
    expect(error).to.include({ codespace: "deployment", code: 3 });
    expect(error.log).to.contain("deployment exists");
    expect(chain.executed).to.deep.equal(["ok1", "ok2"]);
    expect(chain.broadcasts).to.equal(1);
    expect(queue.stats().isolatedFailures).to.equal(1);
  });

  it("isolates a message that fails at delivery and resends the others", async () => {
    const chain = new FakeChain();
    chain.failAtDeliver.add("late-bad");
    const queue = new TxQueue(chain, fast);
    const settled = await Promise.allSettled([queue.submit([msg("ok")]), queue.submit([msg("late-bad")])]);
    expect(settled[0].status).to.equal("fulfilled");
    const error = (settled[1] as PromiseRejectedResult).reason as ChainTxError;
    expect(error).to.include({ codespace: "market", code: 5 });
    expect(error.context.stage).to.equal("deliver");
    expect(error.context.txHash).to.match(/^[0-9A-F]{64}$/);
    expect(chain.executed).to.deep.equal(["ok"]);
  });

  it("sends one tx per caller when a batched failure names no message", async () => {
    const chain = new FakeChain();
    chain.anonymousFailureWhenBatched = true;
    const queue = new TxQueue(chain, fast);
    const [a, b] = await Promise.all([queue.submit([msg("p")]), queue.submit([msg("q")])]);
    expect(a.txHash).to.not.equal(b.txHash);
    expect(chain.executed).to.deep.equal(["p", "q"]);
  });

  it("fails a lone caller with the chain error when it names no message", async () => {
    const chain = new FakeChain();
    chain.anonymousFailureWhenBatched = true;
    const queue = new TxQueue(chain, fast);
    const error = await queue.submit([msg("r1"), msg("r2")]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ChainTxError).and.include({ code: 13 });
  });

  it("looks up a tx whose broadcast answer was lost instead of sending it again", async () => {
    const chain = new FakeChain();
    chain.loseNextBroadcastAnswer = true;
    const queue = new TxQueue(chain, fast);
    const result = await queue.submit([msg("once")]);
    expect(chain.executed).to.deep.equal(["once"]);
    expect(chain.broadcasts).to.equal(1);
    expect(result.msgResponses).to.have.length(1);
    // the queue forgot the sequence and reloads it: the next tx still goes through
    await queue.submit([msg("after")]);
    expect(chain.executed).to.deep.equal(["once", "after"]);
  });

  it("waits for a lost-answer tx still in the mempool instead of re-sending it at the next sequence", async () => {
    const chain = new FakeChain();
    chain.loseNextBroadcastAnswer = true;
    chain.inclusionDelayPolls = 4;
    const queue = new TxQueue(chain, fast);
    const result = await queue.submit([msg("exactly-once")]);
    expect(chain.executed).to.deep.equal(["exactly-once"]);
    expect(result.msgResponses.map((r) => fromUtf8(r.value))).to.deep.equal(["exactly-once"]);
    chain.inclusionDelayPolls = 0;
    await queue.submit([msg("next")]);
    expect(chain.executed).to.deep.equal(["exactly-once", "next"]);
  });

  it("re-sends a lost tx once another tx has taken its sequence", async () => {
    const chain = new FakeChain();
    chain.neverInclude = true; // the first broadcast reaches no block
    chain.loseNextBroadcastAnswer = true;
    const queue = new TxQueue(chain, fast);
    const pending = queue.submit([msg("resent")]);
    await new Promise((r) => setTimeout(r, 5));
    chain.neverInclude = false;
    chain.sequence = chain.committed + 1; // the lost tx was dropped from the mempool and an outside tx used its sequence
    chain.committed = chain.sequence;
    await pending;
    expect(chain.executed).to.deep.equal(["resent"]);
  });

  it("times out with the tx hash when the tx never lands, and resyncs before the next one", async () => {
    const chain = new FakeChain();
    chain.neverInclude = true;
    const queue = new TxQueue(chain, { ...fast, inclusionTimeoutMs: 30 });
    const error = await queue.submit([msg("lost")]).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TxTimeoutError);
    expect((error as TxTimeoutError).txHash).to.match(/^[0-9A-F]{64}$/);
    chain.neverInclude = false;
    await queue.submit([msg("next")]);
    expect(chain.executed).to.deep.equal(["next"]);
  });

  it("retries after an endpoint failure before broadcasting, but not after a programming error", async () => {
    const chain = new FakeChain();
    const queue = new TxQueue(chain, fast);
    chain.failNextSimulateWith = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    await queue.submit([msg("after-reset")]);
    expect(chain.executed).to.deep.equal(["after-reset"]);
    chain.failNextSimulateWith = new Error("Unregistered type url: /test.Nope");
    const error = await queue.submit([msg("never")]).catch((e: Error) => e);
    expect((error as Error).message).to.contain("Unregistered type url");
    expect(chain.executed).to.deep.equal(["after-reset"]);
    expect(chain.simulations).to.equal(3);
  });

  it("rejects an empty submission", async () => {
    const queue = new TxQueue(new FakeChain(), fast);
    const error = await queue.submit([]).catch((e: Error) => e);
    expect(error).to.be.instanceOf(Error).with.property("message").that.contains("no messages");
  });
});
