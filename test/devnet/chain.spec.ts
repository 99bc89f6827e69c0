/**
 * Chain core acceptance: a devnet driven only through unmodified cosmjs clients (and raw JSON-RPC for
 * malformed input) must answer like an Akash node: balances, fees, sequences, signatures, errors.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { toBech32 } from "@cosmjs/encoding";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { BroadcastTxError, type StdFee } from "@cosmjs/stargate";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { expect } from "chai";
import type { Devnet } from "../../devnet/src";
import { RpcMethods, type RpcError } from "../../devnet/src/chain/rpc";
import { connectClient, fundedWallet, startTestDevnet, type FundedWallet } from "../../devnet/src/testing";

const fee = (amount: number, gas = 200_000): StdFee => ({ amount: [{ denom: "uakt", amount: String(amount) }], gas: String(gas) });
const sendMsg = (from: string, to: string, amount: string, denom = "uakt") => ({
  typeUrl: "/cosmos.bank.v1beta1.MsgSend",
  value: { fromAddress: from, toAddress: to, amount: [{ denom, amount }] },
});

async function rpc(devnet: Devnet, body: string): Promise<{ status: number; json: any }> {
  const res = await fetch(devnet.rpcUrl, { method: "POST", body, headers: { "content-type": "application/json" } });
  return { status: res.status, json: await res.json() };
}

/** Signs with explicit signer data (to forge wrong sequences / chain ids) and broadcasts; returns the CheckTx rejection. */
async function rejected(w: FundedWallet, bytes: Uint8Array): Promise<BroadcastTxError> {
  try {
    await w.client.broadcastTx(bytes);
  } catch (err) {
    if (err instanceof BroadcastTxError) return err;
    throw err;
  }
  throw new Error("broadcast was accepted");
}

async function signed(w: FundedWallet, override: { sequence?: number; chainId?: string; accountNumber?: number } = {}): Promise<Uint8Array> {
  const account = await w.client.getAccount(w.address);
  const raw = await w.client.sign(w.address, [sendMsg(w.address, w.address, "1")], fee(5000), "", {
    accountNumber: override.accountNumber ?? account?.accountNumber ?? 0,
    sequence: override.sequence ?? account?.sequence ?? 0,
    chainId: override.chainId ?? (await w.client.getChainId()),
  });
  return TxRaw.encode(raw).finish();
}

describe("devnet chain core (cosmjs acceptance)", function () {
  this.timeout(30_000);
  let devnet: Devnet;

  before(async () => {
    devnet = await startTestDevnet({ providers: false });
  });
  after(async () => {
    await devnet?.stop();
  });

  it("reports CometBFT 0.38 status with the chain id", async () => {
    const w = await fundedWallet(devnet);
    expect(await w.client.getChainId()).to.equal("akash-devnet-1");
    expect(await w.client.getHeight()).to.be.greaterThan(0);
    const status = await rpc(devnet, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "status" }));
    expect(status.json.result.node_info.version).to.equal("0.38.21");
  });

  it("sends tokens with an auto fee, moves balances, and indexes the tx with standard events", async () => {
    const a = await fundedWallet(devnet);
    const b = await fundedWallet(devnet);
    const before = BigInt((await a.client.getBalance(a.address, "uakt")).amount);
    const res = await a.client.sendTokens(a.address, b.address, [{ denom: "uakt", amount: "12345" }], "auto", "hello");
    expect(res.code).to.equal(0);
    expect(res.msgResponses.map((r) => r.typeUrl)).to.deep.equal(["/cosmos.bank.v1beta1.MsgSendResponse"]);
    expect((await b.client.getBalance(b.address, "uakt")).amount).to.equal("1000012345");
    const tx = await a.client.getTx(res.transactionHash);
    expect(tx?.height).to.equal(res.height);
    const feeEvent = res.events.find((e) => e.type === "tx" && e.attributes.some((x) => x.key === "fee"));
    const paid = BigInt(feeEvent!.attributes.find((x) => x.key === "fee")!.value.replace("uakt", ""));
    expect(BigInt((await a.client.getBalance(a.address, "uakt")).amount)).to.equal(before - 12345n - paid);
    const message = res.events.find((e) => e.type === "message" && e.attributes.some((x) => x.key === "action"));
    expect(message?.attributes).to.deep.include.members([
      { key: "action", value: "/cosmos.bank.v1beta1.MsgSend" },
      { key: "sender", value: a.address },
      { key: "module", value: "bank" },
      { key: "msg_index", value: "0" },
    ]);
    expect(res.events.map((e) => e.type)).to.include.members(["coin_spent", "coin_received", "transfer"]);
    const bySender = await a.client.searchTx([{ key: "message.sender", value: a.address }]);
    expect(bySender.map((t) => t.hash)).to.include(res.transactionHash);
    const byHeight = await a.client.searchTx([{ key: "tx.height", value: res.height }]);
    expect(byHeight.map((t) => t.hash)).to.include(res.transactionHash);
    expect((await a.client.getAccount(a.address))?.pubkey).to.not.equal(null);
  });

  it("refuses uact transfers like x/bank (send-enabled false)", async () => {
    const a = await fundedWallet(devnet);
    const res = await a.client.signAndBroadcast(a.address, [sendMsg(a.address, devnet.demoAddress, "1000", "uact")], fee(5000));
    expect(res.code).to.equal(5);
    expect(res.rawLog).to.equal("failed to execute message; message index: 0: uact transfers are currently disabled: send transactions are disabled");
    const tx = await devnet.chain.node.tx(res.transactionHash);
    expect(tx?.result.codespace).to.equal("bank");
  });

  it("charges only the fee and bumps the sequence when DeliverTx fails", async () => {
    const a = await fundedWallet(devnet, [{ denom: "uakt", amount: "1000000" }]);
    const res = await a.client.signAndBroadcast(a.address, [sendMsg(a.address, devnet.demoAddress, "999999999")], fee(5000));
    expect(res.code).to.equal(5);
    expect(res.rawLog).to.equal(
      "failed to execute message; message index: 0: spendable balance 995000uakt is smaller than 999999999uakt: insufficient funds",
    );
    expect((await a.client.getBalance(a.address, "uakt")).amount).to.equal("995000");
    expect((await a.client.getAccount(a.address))?.sequence).to.equal(1);
    expect((await a.client.getBalance(devnet.demoAddress, "uakt")).amount).to.equal("100000000000000");
  });

  it("rejects a fee the account cannot pay at CheckTx (sdk 5)", async () => {
    const a = await fundedWallet(devnet, [{ denom: "uakt", amount: "100" }]);
    const err = await rejected(a, await signed(a));
    expect([err.code, err.codespace]).to.deep.equal([5, "sdk"]);
    expect(err.log).to.equal("spendable balance 100uakt is smaller than 5000uakt: insufficient funds: insufficient funds");
  });

  it("rejects a wrong sequence with the cosmos message (sdk 32)", async () => {
    const a = await fundedWallet(devnet);
    const err = await rejected(a, await signed(a, { sequence: 7 }));
    expect([err.code, err.codespace]).to.deep.equal([32, "sdk"]);
    expect(err.log).to.equal("account sequence mismatch, expected 0, got 7: incorrect account sequence");
  });

  it("rejects a signature for another chain id (sdk 4)", async () => {
    const a = await fundedWallet(devnet);
    const { accountNumber } = (await a.client.getAccount(a.address))!;
    const err = await rejected(a, await signed(a, { chainId: "akashnet-2" }));
    expect([err.code, err.codespace]).to.deep.equal([4, "sdk"]);
    expect(err.log).to.equal(
      `signature verification failed; please verify account number (${accountNumber}), sequence (0) and chain-id (akash-devnet-1): unauthorized`,
    );
  });

  it("rejects a tampered signature (sdk 4) and leaves state untouched", async () => {
    const a = await fundedWallet(devnet);
    const raw = TxRaw.decode(await signed(a));
    raw.signatures[0][5] ^= 0xff;
    const err = await rejected(a, TxRaw.encode(raw).finish());
    expect(err.code).to.equal(4);
    expect(err.log).to.match(/^signature verification failed; please verify account number/);
    expect((await a.client.getBalance(a.address, "uakt")).amount).to.equal("1000000000");
    expect((await a.client.getAccount(a.address))?.sequence).to.equal(0);
  });

  it("requires the messages' signers to sign: another account's key is refused (sdk 8)", async () => {
    const a = await fundedWallet(devnet);
    const victim = await fundedWallet(devnet);
    const account = (await a.client.getAccount(a.address))!;
    const raw = await a.client.sign(a.address, [sendMsg(victim.address, a.address, "1000")], fee(5000), "", {
      accountNumber: account.accountNumber,
      sequence: 0,
      chainId: devnet.chainId,
    });
    const err = await rejected(a, TxRaw.encode(raw).finish());
    expect([err.code, err.codespace]).to.deep.equal([8, "sdk"]);
    expect(err.log).to.equal(`pubKey does not match signer address ${victim.address} with signer index: 0: invalid pubkey`);
    expect((await victim.client.getBalance(victim.address, "uakt")).amount).to.equal("1000000000");
  });

  it("rejects fees below the minimum gas price (sdk 13)", async () => {
    const a = await fundedWallet(devnet);
    const account = (await a.client.getAccount(a.address))!;
    const raw = await a.client.sign(a.address, [sendMsg(a.address, a.address, "1")], fee(1, 200_000), "", {
      accountNumber: account.accountNumber,
      sequence: 0,
      chainId: devnet.chainId,
    });
    const err = await rejected(a, TxRaw.encode(raw).finish());
    expect([err.code, err.codespace]).to.deep.equal([13, "sdk"]);
    expect(err.log).to.equal("insufficient fees; got: 1uakt required: 500uakt: insufficient fee");
  });

  it("rejects unsigned and undecodable txs (sdk 15, sdk 2)", async () => {
    const a = await fundedWallet(devnet);
    const raw = TxRaw.decode(await signed(a));
    const unsigned = await rejected(a, TxRaw.encode({ ...raw, signatures: [] }).finish());
    expect([unsigned.code, unsigned.log]).to.deep.equal([15, "empty signatures: no signatures supplied"]);
    const garbage = await rejected(a, new Uint8Array([0x0a, 0xff, 0xff, 0x01, 0x02]));
    expect([garbage.code, garbage.codespace]).to.deep.equal([2, "sdk"]);
    expect(garbage.log).to.match(/tx parse error$/);
  });

  it("runs several txs of one account in one block with incrementing sequences", async () => {
    const a = await fundedWallet(devnet);
    const hashes: string[] = [];
    for (let sequence = 0; sequence < 3; sequence++) {
      hashes.push(await a.client.broadcastTxSync(await signed(a, { sequence })));
    }
    const results = await Promise.all(hashes.map((h) => devnet.chain.node.waitForTx(h)));
    expect(results.map((r) => r.result.code)).to.deep.equal([0, 0, 0]);
    expect((await a.client.getAccount(a.address))?.sequence).to.equal(3);
  });

  it("simulates without changing state, with gas that cosmjs' multiplier covers", async () => {
    const a = await fundedWallet(devnet);
    const gas = await a.client.simulate(a.address, [sendMsg(a.address, devnet.demoAddress, "10")], "");
    expect(gas).to.be.greaterThan(10_000);
    expect((await a.client.getAccount(a.address))?.sequence).to.equal(0);
    const res = await a.client.signAndBroadcast(a.address, [sendMsg(a.address, devnet.demoAddress, "10")], 1.3);
    expect(res.code).to.equal(0);
    expect(Number(res.gasUsed)).to.be.lessThanOrEqual(Number(res.gasWanted));
  });

  it("reports out of gas (sdk 11) from DeliverTx, charging the fee", async () => {
    const a = await fundedWallet(devnet);
    const one = sendMsg(a.address, devnet.demoAddress, "10");
    // Enough gas for the ante handler and one send, not for five.
    const gas = Math.round((await a.client.simulate(a.address, [one], "")) * 1.3);
    const res = await a.client.signAndBroadcast(a.address, [one, one, one, one, one], fee(1000, gas));
    expect(res.code).to.equal(11);
    expect(res.rawLog).to.match(new RegExp(`^out of gas in location: \\w+; gasWanted: ${gas}, gasUsed: \\d+: out of gas$`));
    expect((await a.client.getBalance(a.address, "uakt")).amount).to.equal("999999000");
    expect((await a.client.getAccount(a.address))?.sequence).to.equal(1);
  });

  it("accepts amino JSON signatures (SIGN_MODE_LEGACY_AMINO_JSON) for bank sends", async () => {
    const wallet = await Secp256k1HdWallet.generate(12, { prefix: "akash" });
    const [{ address }] = await wallet.getAccounts();
    await devnet.chain.fund(address, [{ denom: "uakt", amount: "10000000" }]);
    const client = await SigningStargateClient.connectWithSigner(devnet.rpcUrl, wallet, {
      gasPrice: GasPrice.fromString("0.025uakt"),
      broadcastPollIntervalMs: 100,
    });
    const res = await client.sendTokens(address, devnet.demoAddress, [{ denom: "uakt", amount: "5" }], "auto", "amino memo");
    expect(res.code).to.equal(0);
    client.disconnect();
  });

  it("enforces the memo limit (sdk 12) and timeout height (sdk 30)", async () => {
    const a = await fundedWallet(devnet);
    const memo = await a.client
      .signAndBroadcast(a.address, [sendMsg(a.address, a.address, "1")], fee(5000), "x".repeat(257))
      .then(() => undefined, (e: BroadcastTxError) => e);
    expect([memo?.code, memo?.log]).to.deep.equal([12, "maximum number of characters is 256 but received 257 characters: memo too large"]);
    // Go counts bytes: 200 "é" are 400 of them
    const accents = await a.client
      .signAndBroadcast(a.address, [sendMsg(a.address, a.address, "1")], fee(5000), "é".repeat(200))
      .then(() => undefined, (e: BroadcastTxError) => e);
    expect([accents?.code, accents?.log]).to.deep.equal([12, "maximum number of characters is 256 but received 400 characters: memo too large"]);
    const height = await a.client.getHeight();
    const timedOut = await a.client
      .signAndBroadcast(a.address, [sendMsg(a.address, a.address, "1")], fee(5000), "", BigInt(height - 1))
      .then(() => undefined, (e: BroadcastTxError) => e);
    expect(timedOut?.code).to.equal(30);
    expect(timedOut?.log).to.match(/^block height: \d+, timeout height: \d+: tx timeout height$/);
  });

  it("checks the timeout height against the committed height in CheckTx, the new block's in DeliverTx", async () => {
    const a = await fundedWallet(devnet);
    devnet.chain.faults.pauseBlocks(true);
    try {
      const committed = await a.client.getHeight();
      // CheckTx runs at the committed height (timeout = height passes), the block at height + 1 refuses it.
      const hash = await a.client.signAndBroadcastSync(a.address, [sendMsg(a.address, a.address, "1")], fee(5000), "", BigInt(committed));
      devnet.chain.faults.pauseBlocks(false);
      const included = await devnet.chain.node.waitForTx(hash);
      expect([included.height, included.result.code, included.result.log]).to.deep.equal([committed + 1, 30, `block height: ${committed + 1}, timeout height: ${committed}: tx timeout height`]);
    } finally {
      devnet.chain.faults.pauseBlocks(false);
    }
  });

  it("times broadcast_tx_commit out like CometBFT, and leaves the zero tx_result alone when CheckTx fails", async () => {
    const a = await fundedWallet(devnet);
    const rpcMethods = new RpcMethods(devnet.chain.node, () => "", { broadcastTxCommitTimeoutMs: 300 });
    devnet.chain.faults.pauseBlocks(true);
    try {
      const tx = Buffer.from(await signed(a)).toString("base64");
      const timeout = await Promise.resolve(rpcMethods.routes.broadcast_tx_commit.call({ tx })).then(() => undefined, (e: RpcError) => e);
      expect(timeout).to.include({ code: -32603, rpcMessage: "Internal error", data: "timed out waiting for tx to be included in a block" });
    } finally {
      devnet.chain.faults.pauseBlocks(false);
    }
    const empty = await rpc(devnet, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "broadcast_tx_commit", params: { tx: "CgA=" } }));
    expect(empty.json.result.check_tx).to.include({ code: 18, codespace: "sdk" });
    expect(empty.json.result.tx_result).to.deep.equal({ code: 0, data: null, log: "", info: "", gas_wanted: "0", gas_used: "0", events: [], codespace: "" });
  });

  it("serves grpc-gateway shaped REST for the module queries", async () => {
    const a = await fundedWallet(devnet);
    const balances = (await fetch(`${devnet.restUrl}/cosmos/bank/v1beta1/balances/${a.address}`).then((r) => r.json())) as { balances: unknown };
    expect(balances.balances).to.deep.equal([
      { denom: "uact", amount: "1000000000" },
      { denom: "uakt", amount: "1000000000" },
    ]);
    const one = await fetch(`${devnet.restUrl}/cosmos/bank/v1beta1/balances/${a.address}/by_denom?denom=uakt`).then((r) => r.json());
    expect(one).to.deep.equal({ balance: { denom: "uakt", amount: "1000000000" } });
    await a.client.sendTokens(a.address, a.address, [{ denom: "uakt", amount: "1" }], fee(5000));
    const account = (await fetch(`${devnet.restUrl}/cosmos/auth/v1beta1/accounts/${a.address}`).then((r) => r.json())) as { account: Record<string, any> };
    expect(account.account["@type"]).to.equal("/cosmos.auth.v1beta1.BaseAccount");
    expect(account.account.address).to.equal(a.address);
    expect(account.account.pub_key["@type"]).to.equal("/cosmos.crypto.secp256k1.PubKey");
    expect(account.account.sequence).to.equal("1");
    const missing = await fetch(`${devnet.restUrl}/cosmos/auth/v1beta1/accounts/${toBech32("akash", new Uint8Array(20).fill(9))}`);
    expect(missing.status).to.equal(404);
    expect(((await missing.json()) as { message: string }).message).to.match(/^rpc error: code = NotFound/);
  });

  it("answers malformed JSON-RPC with CometBFT's error shapes and keeps serving", async () => {
    const parse = await rpc(devnet, "{not json");
    expect(parse.status).to.equal(500);
    expect(parse.json.error).to.include({ code: -32700, message: "Parse error" });
    const invalid = await rpc(devnet, JSON.stringify({ id: 3, method: 42 }));
    expect(invalid.json.error).to.include({ code: -32600, message: "Invalid Request" });
    const unknown = await rpc(devnet, JSON.stringify({ jsonrpc: "2.0", id: 4, method: "no_such_method" }));
    expect(unknown.json).to.deep.equal({ jsonrpc: "2.0", id: 4, error: { code: -32601, message: "Method not found", data: "" } });
    const badParams = await rpc(devnet, JSON.stringify({ jsonrpc: "2.0", id: 5, method: "block", params: { height: "abc" } }));
    expect(badParams.json.error.code).to.equal(-32602);
    const badTx = await rpc(devnet, JSON.stringify({ jsonrpc: "2.0", id: 6, method: "broadcast_tx_sync", params: { tx: "!!!" } }));
    expect(badTx.json.error.code).to.equal(-32602);
    const ok = await rpc(devnet, JSON.stringify({ jsonrpc: "2.0", id: 7, method: "health" }));
    expect(ok.json).to.deep.equal({ jsonrpc: "2.0", id: 7, result: {} });
    const scalar = await rpc(devnet, JSON.stringify({ jsonrpc: "2.0", id: 8, method: "block", params: 5 }));
    expect(scalar.json.error).to.include({ code: -32602, message: "Invalid params" });
  });

  it("takes JSON-RPC params by position as CometBFT does, one per declared argument", async () => {
    const byPosition = await rpc(devnet, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "block", params: ["1"] }));
    expect(byPosition.json.result.block.header.height).to.equal("1");
    const search = await rpc(devnet, JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tx_search", params: ["tx.height>0", false, "1", "1", "asc"] }));
    expect(search.json.result.txs).to.have.length(1);
    const tooMany = await rpc(devnet, JSON.stringify({ jsonrpc: "2.0", id: 3, method: "block", params: ["1", "2"] }));
    expect(tooMany.json.error).to.deep.equal({
      code: -32602,
      message: "Invalid params",
      data: "error converting json params to arguments: expected 1 parameters ([height]), got 2 ([[34 49 34] [34 50 34]])",
    });
  });

  it("returns NotFound for unknown accounts so cosmjs getAccount yields null", async () => {
    const a = await fundedWallet(devnet);
    expect(await a.client.getAccount(toBech32("akash", new Uint8Array(20).fill(7)))).to.equal(null);
  });
});

describe("devnet chain core persistence", function () {
  this.timeout(30_000);

  it("keeps accounts, balances and txs across a restart, and `reset` starts clean", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "akash-devnet-restart-"));
    try {
      const first = await startTestDevnet({ providers: false, dataDir });
      const a = await fundedWallet(first);
      const res = await a.client.sendTokens(a.address, first.demoAddress, [{ denom: "uakt", amount: "777" }], fee(5000));
      const height = first.chain.height();
      await first.stop();

      const second = await startTestDevnet({ providers: false, dataDir });
      const c = await connectClient(second, a.wallet);
      expect((await c.getBalance(a.address, "uakt")).amount).to.equal(String(1_000_000_000 - 777 - 5000));
      expect((await c.getAccount(a.address))?.sequence).to.equal(1);
      expect((await c.getTx(res.transactionHash))?.height).to.equal(res.height);
      expect(second.chain.height()).to.be.greaterThanOrEqual(height);
      const again = await c.sendTokens(a.address, second.demoAddress, [{ denom: "uakt", amount: "1" }], fee(5000));
      expect(again.code).to.equal(0);
      await second.stop();

      const third = await startTestDevnet({ providers: false, dataDir, reset: true });
      const c3 = await connectClient(third, a.wallet);
      expect(await c3.getAccount(a.address)).to.equal(null);
      await third.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
