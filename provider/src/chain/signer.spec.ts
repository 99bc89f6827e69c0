import { expect } from "chai";
import { inspect } from "node:util";
import { ConfigError } from "./errors";
import { scrubSecret, signerFromMnemonic } from "./signer";

// The well-known cosmjs test mnemonic (never funded on a real chain).
const MNEMONIC = "enlist hip relief stomach skate base shallow young switch frequent cry park";

describe("signerFromMnemonic", () => {
  it("derives the akash address with coin type 118 and both signers agree", async () => {
    const signer = await signerFromMnemonic(`  ${MNEMONIC.replace(/ /g, "   ")}\n`);
    expect(signer.address).to.match(/^akash1[0-9a-z]{38}$/);
    const [amino] = await signer.amino.getAccounts();
    expect(amino.address).to.equal(signer.address);
    expect(signer.pubkey).to.have.length(33);
  });

  it("never prints or serializes the mnemonic", async () => {
    const signer = await signerFromMnemonic(MNEMONIC);
    for (const text of [inspect(signer, { depth: 10 }), JSON.stringify({ signer }), String(signer.toString())]) {
      expect(text).to.not.contain("enlist");
    }
  });

  it("rejects an invalid mnemonic naming akash:mnemonic without echoing it", async () => {
    const bad = "enlist hip relief stomach skate base shallow young switch frequent cry cry";
    const error = await signerFromMnemonic(bad).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).to.contain("akash:mnemonic");
    for (const word of new Set(bad.split(" "))) expect(message).to.not.match(new RegExp(`\\b${word}\\b`));
  });

  it("scrubs the secret and its words from text", () => {
    expect(scrubSecret("bad words: alpha beta", "alpha beta")).to.equal("bad words: [redacted]");
    expect(scrubSecret("word beta here", "alpha beta")).to.equal("word [redacted] here");
  });
});
