import { expect } from "chai";
import { Secp256k1, Secp256k1Signature, sha256 } from "@cosmjs/crypto";
import { makeSignBytes } from "@cosmjs/proto-signing";
import { toHex } from "@cosmjs/encoding";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { QueryAccountResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { AuthInfo, SignDoc, Tx, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { createTxBackend } from "./cosmjsTxBackend";
import { ChainTxError } from "./errors";
import { signerFromMnemonic } from "./signer";
import { fakeConnection } from "./testConnection";

const MNEMONIC = "enlist hip relief stomach skate base shallow young switch frequent cry park";

describe("cosmjs tx backend", () => {
  it("reads the account number and sequence, and explains a missing account", async () => {
    const signer = await signerFromMnemonic(MNEMONIC);
    const account = BaseAccount.fromPartial({ address: signer.address, accountNumber: 12n, sequence: 34n });
    const { conn } = fakeConnection({
      "/cosmos.auth.v1beta1.Query/Account": () =>
        QueryAccountResponse.encode({ account: { typeUrl: "/cosmos.auth.v1beta1.BaseAccount", value: BaseAccount.encode(account).finish() } }).finish(),
    });
    expect(await createTxBackend(conn, signer).account()).to.deep.equal({ accountNumber: 12, sequence: 34 });
    const missing = fakeConnection({
      "/cosmos.auth.v1beta1.Query/Account": () => {
        throw new ChainTxError("sdk", 22, `account ${signer.address} not found: key not found`, { stage: "query" });
      },
    });
    const error = await createTxBackend(missing.conn, signer).account().catch((e: Error) => e);
    expect((error as Error).message).to.contain("does not exist on chain fake-1 yet");
  });

  it("simulates with the explicit sequence and reports rejections as simulate errors", async () => {
    const signer = await signerFromMnemonic(MNEMONIC);
    let seen: Tx | undefined;
    const { conn } = fakeConnection({
      "/cosmos.tx.v1beta1.Service/Simulate": (bytes: Uint8Array) => {
        seen = Tx.decode(SimulateRequest.decode(bytes).txBytes);
        if (seen.body!.memo === "fail") throw new ChainTxError("sdk", 5, "failed to execute message; message index: 0: insufficient funds", { stage: "query" });
        return SimulateResponse.encode(SimulateResponse.fromPartial({ gasInfo: { gasUsed: 77_000n } })).finish();
      },
    });
    const backend = createTxBackend(conn, signer);
    const send = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: signer.address, toAddress: signer.address, amount: [{ denom: "uakt", amount: "1" }] } };
    expect(await backend.simulate([send], "", 41)).to.equal(77_000);
    expect(seen!.authInfo!.signerInfos[0].sequence).to.equal(41n);
    expect(seen!.body!.messages[0].typeUrl).to.equal("/cosmos.bank.v1beta1.MsgSend");
    const error = await backend.simulate([send], "fail", 41).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ChainTxError);
    expect((error as ChainTxError).context.stage).to.equal("simulate");
    expect((error as ChainTxError).messageIndex).to.equal(0);
  });

  it("signs offline with the given account number, sequence and chain id", async () => {
    const signer = await signerFromMnemonic(MNEMONIC);
    const backend = createTxBackend(fakeConnection({}, "akash-test-9").conn, signer);
    const send = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: signer.address, toAddress: signer.address, amount: [{ denom: "uakt", amount: "1" }] } };
    const fee = { amount: [{ denom: "uakt", amount: "3750" }], gas: "150000" };
    const raw = TxRaw.decode(await backend.sign([send], fee, "memo!", { accountNumber: 12, sequence: 34, chainId: "akash-test-9" }));
    const authInfo = AuthInfo.decode(raw.authInfoBytes);
    expect(authInfo.signerInfos[0].sequence).to.equal(34n);
    expect(authInfo.fee!.gasLimit).to.equal(150000n);
    expect(TxBody.decode(raw.bodyBytes).memo).to.equal("memo!");
    const signDoc = SignDoc.fromPartial({ bodyBytes: raw.bodyBytes, authInfoBytes: raw.authInfoBytes, chainId: "akash-test-9", accountNumber: 12n });
    const ok = await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(raw.signatures[0]), sha256(makeSignBytes(signDoc)), signer.pubkey);
    expect(ok).to.equal(true);
  });

  it("broadcasts, treats a duplicate as sent, surfaces CheckTx rejections and finds included txs", async () => {
    const signer = await signerFromMnemonic(MNEMONIC);
    const answers: Array<() => unknown> = [
      () => ({ code: 0, hash: Uint8Array.of(1) }),
      () => {
        throw new Error('{"code":-32603,"message":"Internal error","data":"tx already exists in cache"}');
      },
      () => ({ code: 32, codespace: "sdk", log: "account sequence mismatch, expected 5, got 4", hash: Uint8Array.of(0xab) }),
    ];
    const included = {
      height: 77,
      result: {
        code: 0,
        events: [{ type: "transfer", attributes: [{ key: "msg_index", value: "0" }] }],
        data: TxMsgData.encode({ data: [], msgResponses: [{ typeUrl: "/cosmos.bank.v1beta1.MsgSendResponse", value: new Uint8Array() }] }).finish(),
        gasUsed: 70_000n,
        gasWanted: 100_000n,
      },
    };
    const queries: string[] = [];
    const comet = {
      broadcastTxSync: async () => answers.shift()!(),
      txSearch: async ({ query }: { query: string }) => {
        queries.push(query);
        return { txs: query.includes("FOUND") ? [included] : [], totalCount: 0 };
      },
    };
    const backend = createTxBackend(fakeConnection({}, "fake-1", comet).conn, signer);
    await backend.broadcastSync(new Uint8Array());
    await backend.broadcastSync(new Uint8Array());
    const error = await backend.broadcastSync(new Uint8Array()).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ChainTxError).and.include({ code: 32, codespace: "sdk" });
    expect((error as ChainTxError).context.txHash).to.equal(toHex(Uint8Array.of(0xab)).toUpperCase());
    expect(await backend.findTx("MISSING")).to.equal(undefined);
    const tx = await backend.findTx("FOUND");
    expect(tx).to.deep.include({ hash: "FOUND", height: 77, code: 0, codespace: "", gasUsed: 70_000, gasWanted: 100_000 });
    expect(tx!.msgResponses.map((r) => r.typeUrl)).to.deep.equal(["/cosmos.bank.v1beta1.MsgSendResponse"]);
    expect(queries[0]).to.equal("tx.hash='MISSING'");
  });
});
