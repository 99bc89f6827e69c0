import { expect } from "chai";
import { Secp256k1, Secp256k1Signature, sha256 } from "@cosmjs/crypto";
import { serializeSignDoc, makeSignDoc } from "@cosmjs/amino";
import { toBase64 } from "@cosmjs/encoding";
import { signerFromMnemonic } from "../chain/signer";
import { createProviderJwt, jwtSource } from "./jwt";

const MNEMONIC = "enlist hip relief stomach skate base shallow young switch frequent cry park";
const part = (token: string, i: number) => JSON.parse(Buffer.from(token.split(".")[i], "base64url").toString());

describe("provider JWT", () => {
  it("is scoped, short-lived and issued by the account", async () => {
    const signer = await signerFromMnemonic(MNEMONIC);
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const token = await createProviderJwt(signer, { now, ttlSeconds: 120 });
    expect(part(token, 0)).to.deep.equal({ alg: "ES256KADR36", typ: "JWT" });
    const iat = now.getTime() / 1000;
    expect(part(token, 1)).to.deep.equal({ version: "v1", iss: signer.address, iat, nbf: iat, exp: iat + 120, leases: { access: "scoped", scope: ["send-manifest", "get-manifest", "status"] } });
  });

  it("carries an ADR-36 signature the provider can verify with the account's public key", async () => {
    const signer = await signerFromMnemonic(MNEMONIC);
    const token = await createProviderJwt(signer);
    const [header, payload, sig] = token.split(".");
    const doc = makeSignDoc(
      [{ type: "sign/MsgSignData", value: { signer: signer.address, data: toBase64(Buffer.from(`${header}.${payload}`)) } }],
      { gas: "0", amount: [] },
      "",
      "",
      0,
      0,
    );
    const valid = await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(Buffer.from(sig, "base64url")), sha256(serializeSignDoc(doc)), signer.pubkey);
    expect(valid).to.equal(true);
  });

  it("reuses a token until half its lifetime has passed", async () => {
    const signer = await signerFromMnemonic(MNEMONIC);
    const next = jwtSource(signer, { ttlSeconds: 300 });
    expect(await next()).to.equal(await next());
  });
});
