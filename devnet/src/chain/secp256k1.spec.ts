import { Secp256k1, sha256 } from "@cosmjs/crypto";
import { expect } from "chai";
import { verifySecp256k1 } from "./secp256k1";

describe("chain/secp256k1", () => {
  it("verifies 64-byte low-S signatures over sha256(message) and rejects tampering", async () => {
    const keypair = await Secp256k1.makeKeypair(sha256(new TextEncoder().encode("test key")));
    const pubkey = Secp256k1.compressPubkey(keypair.pubkey);
    const message = new TextEncoder().encode("sign me");
    const sig = await Secp256k1.createSignature(sha256(message), keypair.privkey);
    const fixed = new Uint8Array([...sig.r(32), ...sig.s(32)]);
    expect(verifySecp256k1(fixed, message, pubkey)).to.equal(true);
    expect(verifySecp256k1(fixed, new TextEncoder().encode("other"), pubkey)).to.equal(false);
    expect(verifySecp256k1(fixed.slice(1), message, pubkey)).to.equal(false);
  });

  it("rejects the malleable high-S form of a valid signature", async () => {
    const keypair = await Secp256k1.makeKeypair(sha256(new TextEncoder().encode("test key 2")));
    const pubkey = Secp256k1.compressPubkey(keypair.pubkey);
    const message = new TextEncoder().encode("malleable");
    const sig = await Secp256k1.createSignature(sha256(message), keypair.privkey);
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    const highS = n - BigInt(`0x${Buffer.from(sig.s(32)).toString("hex")}`);
    const fixed = new Uint8Array([...sig.r(32), ...Buffer.from(highS.toString(16).padStart(64, "0"), "hex")]);
    expect(verifySecp256k1(fixed, message, pubkey)).to.equal(false);
  });
});
