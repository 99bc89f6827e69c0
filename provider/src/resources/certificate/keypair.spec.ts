import { expect } from "chai";
import { X509Certificate } from "node:crypto";
import { generateCertificate, serialFromHex } from "./keypair";

describe("certificate key pair", () => {
  it("converts hex serials to the chain's decimal form", () => {
    expect(serialFromHex("0ff")).to.equal("255");
    expect(serialFromHex("066117ab70d300")).to.equal(BigInt("0x066117ab70d300").toString());
    expect(() => serialFromHex("xyz")).to.throw(/not hexadecimal/);
  });

  it("makes a certificate for the owner with the serial and expiry it reports", async () => {
    const owner = "akash1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnk5ch2u";
    const now = new Date("2026-03-01T00:00:00Z");
    const cert = await generateCertificate(owner, 30, now);
    const x509 = new X509Certificate(cert.certPem);
    expect(x509.subject).to.include(`CN=${owner}`);
    expect(BigInt(`0x${x509.serialNumber}`).toString()).to.equal(cert.serial);
    expect(cert.expiresAt).to.equal("2026-03-31T00:00:00.000Z");
    expect(cert.publicKeyPem).to.match(/^-----BEGIN EC PUBLIC KEY-----/);
    expect(cert.privateKeyPem).to.match(/PRIVATE KEY-----/);
  });
});
