import { generateKeyPairSync, X509Certificate } from "node:crypto";
import { expect } from "chai";
import { CertificateManager } from "@akashnetwork/chain-sdk";
import { parseAndValidateCertificate } from "./certificate";
import { failureOf } from "../registry-kit/testing";

const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const other = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq7cdc78";
const utf8 = (s: string) => new TextEncoder().encode(s);
const ecPem = (pem: string) => pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "-----$1 EC PUBLIC KEY-----");

describe("cert validation (ParseAndValidateCertificate)", () => {
  let mine: { cert: string; publicKey: string };
  let theirs: { cert: string; publicKey: string };

  before(async () => {
    const manager = new CertificateManager();
    [mine, theirs] = await Promise.all([manager.generatePEM(owner), manager.generatePEM(other)]);
  });

  it("accepts a CertificateManager certificate and reads its serial", () => {
    const { serial } = parseAndValidateCertificate(owner, utf8(mine.cert), utf8(mine.publicKey));
    expect(serial).to.equal(BigInt(`0x${new X509Certificate(mine.cert).serialNumber}`));
  });

  it("refuses bad public keys with cert/7", () => {
    expect(failureOf(() => parseAndValidateCertificate(owner, utf8(mine.cert), utf8("x")))).to.equal("cert/7: invalid pubkey value");
    expect(failureOf(() => parseAndValidateCertificate(owner, utf8(mine.cert), utf8(mine.publicKey + mine.publicKey)))).to.equal("cert/7: invalid pubkey value");
    const plain = mine.publicKey.replace(/EC PUBLIC KEY/g, "PUBLIC KEY");
    expect(failureOf(() => parseAndValidateCertificate(owner, utf8(mine.cert), utf8(plain)))).to.equal("cert/7: invalid pubkey value: invalid pem block type");
    const ed = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(failureOf(() => parseAndValidateCertificate(owner, utf8(mine.cert), utf8(ecPem(ed))))).to.equal("cert/7: invalid pubkey value: invalid public key type");
    const k1 = generateKeyPairSync("ec", { namedCurve: "secp256k1" }).publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(failureOf(() => parseAndValidateCertificate(owner, utf8(mine.cert), utf8(ecPem(k1))))).to.equal("cert/7: invalid pubkey value: x509: unsupported elliptic curve");
  });

  it("refuses bad certificates with cert/6", () => {
    expect(failureOf(() => parseAndValidateCertificate(owner, utf8(mine.publicKey), utf8(mine.publicKey)))).to.equal("cert/6: invalid certificate value: invalid pem block type");
    expect(failureOf(() => parseAndValidateCertificate(owner, utf8(mine.cert), utf8(theirs.publicKey)))).to.equal("cert/6: invalid certificate value: invalid certificate signature");
    expect(failureOf(() => parseAndValidateCertificate(owner, utf8(theirs.cert), utf8(theirs.publicKey)))).to.equal("cert/6: invalid certificate value: CommonName does not match owner");
    const garbage = "-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n";
    expect(failureOf(() => parseAndValidateCertificate(owner, utf8(garbage), utf8(mine.publicKey)))).to.equal("undefined/1: x509: malformed certificate");
  });
});
