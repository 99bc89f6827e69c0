import { expect } from "chai";
import { ChainTxError, ConfigError, expectedSequenceFromLog, isTransportError, parseMessageIndex } from "./errors";

describe("chain errors", () => {
  it("reads the failing message index from a cosmos-sdk log", () => {
    expect(parseMessageIndex("failed to execute message; message index: 2: deployment exists")).to.equal(2);
    expect(parseMessageIndex("insufficient fee")).to.equal(undefined);
  });

  it("recognises a sequence mismatch and the sequence the node expects", () => {
    const e = new ChainTxError("sdk", 32, "account sequence mismatch, expected 3928, got 3927: incorrect account sequence", { stage: "broadcast" });
    expect(e.isSequenceMismatch).to.equal(true);
    expect(expectedSequenceFromLog(e.log)).to.equal(3928);
    expect(new ChainTxError("market", 32, "deposit invalid", { stage: "deliver" }).isSequenceMismatch).to.equal(false);
  });

  it("keeps codespace, code, log and tx hash in the message", () => {
    const e = new ChainTxError("market", 28, "deposit invalid: insufficient balance", { stage: "deliver", txHash: "AB12", height: 7 });
    expect(e.message).to.contain("market code 28").and.contain("insufficient balance").and.contain("AB12").and.contain("height 7");
    expect(e.messageIndex).to.equal(undefined);
  });

  it("prefixes config errors with the config key", () => {
    expect(new ConfigError("akash:chainId", "wrong").message).to.equal("akash:chainId: wrong");
  });

  it("tells transport failures from node answers", () => {
    expect(isTransportError(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }))).to.equal(true);
    expect(isTransportError(new Error("Bad status on response: 503"))).to.equal(true);
    expect(isTransportError(new Error("Bad status on response: 400"))).to.equal(false);
    expect(isTransportError(new Error('{"code":-32603,"message":"Internal error","data":"tx already exists in cache"}'))).to.equal(false);
    expect(isTransportError("fetch failed")).to.equal(false);
  });
});
